package io.analytips.football.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.analytips.common.LogContext;
import io.analytips.common.Caches;
import io.analytips.football.api.ApiFootballException;
import io.analytips.football.api.ApiRequest;
import io.analytips.store.ApiCacheRepository;
import io.analytips.store.CachedAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;

/**
 * API-Football answers in two tiers: memory (Caffeine, bounded by the size of the answers' JSON) and
 * PostgreSQL ({@code api_cache}, so a restart spends no quota). Per request:
 * <ul>
 * <li>fresh in memory → served;</li>
 * <li>otherwise one load per key at a time (a {@link Flight}: concurrent identical requests share it):
 * fresh in memory or PostgreSQL → served; else fetched upstream and stored in both tiers;</li>
 * <li>stale-if-error: when the fetch fails (upstream down, breaker open, quota spent), the last
 * good copy is served, marked stale, with its age.</li>
 * </ul>
 * A load outlives the request that started it while anyone waits for it, and while its upstream call is
 * on the wire (that call's quota is spent anyway, so its answer is kept); once nobody waits, nothing more
 * is sent and whatever it waits for (a rate-limiter permit, a bulkhead slot, a backoff) is cancelled.
 * Every load is tracked, ends within {@code loadDeadline}, and is cancelled by {@link #destroy()}; a
 * load that fails is logged at WARN and counted ({@link CacheStats#failures()}). A load runs in its
 * starter's Reactor context, so its upstream call counts for the starter alone
 * ({@link io.analytips.common.UpstreamCalls}) and within the starter's deadline: a hit or a shared load
 * costs a request nothing. Only answers without errors are stored.
 */
public class FootballCache implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FootballCache.class);

	private static final JsonMapper JSON = JsonMapper.shared();

	/** How long a stale copy is kept in memory for stale-if-error (PostgreSQL keeps it longer). */
	private static final Duration KEEP_STALE = Duration.ofDays(2);

	private final ApiCacheRepository repository;

	private final CachePolicy policy;

	private final Clock clock;

	private final Duration loadDeadline;

	private final Cache<String, Entry> memory;

	private final ConcurrentHashMap<String, Flight> inFlight = new ConcurrentHashMap<>();

	private volatile boolean stopped;

	private final AtomicLong memoryHits = new AtomicLong();

	private final AtomicLong databaseHits = new AtomicLong();

	private final AtomicLong upstreamCalls = new AtomicLong();

	private final AtomicLong sharedCalls = new AtomicLong();

	private final AtomicLong staleServed = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong abandoned = new AtomicLong();

	/**
	 * @param maxJsonChars the memory tier's bound: the answers it holds add up to at most this many
	 *        characters of JSON (each weighed once, when it is stored; a simulated season's fixtures are 360 000)
	 * @param loadDeadline how long a load may take in all: the PostgreSQL read, the upstream call (whose
	 *        own budget is shorter) and the writes
	 */
	public FootballCache(ApiCacheRepository repository, CachePolicy policy, Clock clock, long maxJsonChars,
			Duration loadDeadline) {
		this.repository = repository;
		this.policy = policy;
		this.clock = clock;
		this.loadDeadline = loadDeadline;
		this.memory = Caches.on(clock)
			.maximumWeight(maxJsonChars)
			.weigher((String key, Entry entry) -> entry.weight())
			.expireAfterWrite(KEEP_STALE)
			.build();
	}

	/**
	 * The answer to a request: emits it fresh from a tier or from {@code fetch}, or stale when
	 * {@code fetch} fails and a copy exists; errors with the fetch's error when there is no copy, with a
	 * {@code TIMEOUT} when the load outlasts its deadline, and with {@code BUSY} once the cache is stopped.
	 */
	public Mono<Cached<JsonNode>> get(ApiRequest request, Function<ApiRequest, Mono<JsonNode>> fetch) {
		return get(request, fetch, Duration.ZERO);
	}

	/**
	 * {@link #get(ApiRequest, Function)}, taking a copy younger than {@code maxAge} as good enough even past its time
	 * to live: for background work that can do with an older answer (the alert planner's kick-off times) and should
	 * not spend the quota on a fresh one. A copy that old is told as not stale (it is what the caller asked for).
	 */
	public Mono<Cached<JsonNode>> get(ApiRequest request, Function<ApiRequest, Mono<JsonNode>> fetch, Duration maxAge) {
		return Mono.deferContextual(context -> {
			String key = request.key();
			Entry entry = memory.getIfPresent(key);
			if (entry != null && entry.isFresh(clock.instant(), maxAge)) {
				memoryHits.incrementAndGet();
				return Mono.just(entry.cached(false));
			}
			if (stopped) {
				return Mono.error(new ApiFootballException(ApiFootballException.Kind.BUSY, "the application is stopping"));
			}
			Flight[] created = new Flight[1];
			Flight flight = inFlight.compute(key, (k, running) -> {
				if (running != null && running.join()) {
					return running;
				}
				created[0] = new Flight(key);
				return created[0];
			});
			if (created[0] == null) {
				sharedCalls.incrementAndGet();
			}
			else {
				// The load runs in the starter's context: its upstream call is counted for, and logged with, that
				// request, and it has that request's deadline.
				flight.start(load(request, fetch, maxAge), Context.of(context));
			}
			return flight.answer();
		});
	}

	private Mono<Cached<JsonNode>> load(ApiRequest request, Function<ApiRequest, Mono<JsonNode>> fetch, Duration maxAge) {
		return Mono.defer(() -> {
			// Read memory again: a load that ended between this request's memory check and its flight has
			// stored a fresh answer there, and must not be fetched upstream again.
			Entry inMemory = memory.getIfPresent(request.key());
			if (inMemory != null && inMemory.isFresh(clock.instant(), maxAge)) {
				memoryHits.incrementAndGet();
				return Mono.just(inMemory.cached(false));
			}
			Mono<Entry> stored = inMemory != null ? Mono.just(inMemory) : fromDatabase(request.key());
			return stored.map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(copy -> {
				if (copy.isPresent() && copy.get().isFresh(clock.instant(), maxAge)) {
					databaseHits.incrementAndGet();
					memory.put(request.key(), copy.get());
					return Mono.just(copy.get().cached(false));
				}
				upstreamCalls.incrementAndGet();
				return Mono.defer(() -> fetch.apply(request))
					.flatMap(envelope -> store(request, envelope))
					.onErrorResume(error -> Mono.deferContextual(ids -> {
						if (copy.isPresent() && !(error instanceof ApiFootballException ex && !ex.isUnavailable())) {
							staleServed.incrementAndGet();
							LogContext.in(ids, () -> log.info("Serving a stale copy of {} ({} old): {}", request,
									Duration.between(copy.get().fetchedAt, clock.instant()), error.getMessage()));
							return Mono.just(copy.get().cached(true));
						}
						return Mono.error(error);
					}));
			});
		}).timeout(loadDeadline, Mono.error(() -> new ApiFootballException(ApiFootballException.Kind.TIMEOUT,
				request.path() + ": the load did not end within " + loadDeadline.toSeconds() + " s")));
	}

	private Mono<Cached<JsonNode>> store(ApiRequest request, JsonNode envelope) {
		Instant now = clock.instant();
		String json = envelope.toString();
		Entry entry = new Entry(envelope, now, now.plus(policy.ttl(request, envelope)), json.length());
		memory.put(request.key(), entry);
		return repository.save(new CachedAnswer(request.key(), json, entry.fetchedAt, entry.expiresAt))
			.onErrorResume(error -> Mono.deferContextual(ids -> {
				LogContext.in(ids,
						() -> log.warn("Could not store {} in PostgreSQL (kept in memory): {}", request, error.toString()));
				return Mono.empty();
			}))
			.thenReturn(entry.cached(false));
	}

	private Mono<Entry> fromDatabase(String key) {
		return repository.find(key).flatMap(answer -> {
			try {
				return Mono.just(new Entry(JSON.readTree(answer.body()), answer.fetchedAt(), answer.expiresAt(),
						answer.body().length()));
			}
			catch (JacksonException ex) {
				return Mono.empty(); // a damaged row is a miss
			}
		}).onErrorResume(error -> {
			log.debug("api_cache not readable, treating {} as a miss: {}", key, error.toString());
			return Mono.empty();
		});
	}

	/** Empties both tiers (admin {@code /limpar_cache}); emits the rows removed from PostgreSQL. */
	public Mono<Long> clear() {
		return Mono.fromRunnable(memory::invalidateAll).then(repository.clear());
	}

	public CacheStats stats() {
		long weight = memory.policy().eviction().flatMap(eviction -> {
			java.util.OptionalLong size = eviction.weightedSize();
			return size.isPresent() ? Optional.of(size.getAsLong()) : Optional.<Long>empty();
		}).orElse(0L);
		return new CacheStats(memoryHits.get(), databaseHits.get(), upstreamCalls.get(), sharedCalls.get(),
				staleServed.get(), failures.get(), memory.estimatedSize(), weight, abandoned.get(), inFlight.size());
	}

	/** Cancels every load in flight (their readers get a {@code BUSY} error); later misses fail at once. */
	@Override
	public void destroy() {
		stopped = true;
		inFlight.values().forEach(Flight::stop);
	}

	/** One cached answer, and what it weighs: the length of its JSON. */
	private record Entry(JsonNode envelope, Instant fetchedAt, Instant expiresAt, int weight) {

		boolean isFresh(Instant now) {
			return now.isBefore(expiresAt);
		}

		/** Fresh, or younger than {@code maxAge}. */
		boolean isFresh(Instant now, Duration maxAge) {
			return isFresh(now) || fetchedAt.plus(maxAge).isAfter(now);
		}

		Cached<JsonNode> cached(boolean stale) {
			return new Cached<>(envelope, fetchedAt, stale);
		}
	}

	/**
	 * One load in flight and the readers waiting for it. The key leaves {@link #inFlight} before the answer
	 * is emitted, so a reader that comes after the answer starts from the tiers instead of joining a load
	 * that has already finished. Its {@link io.analytips.football.api.SendGate} lets an upstream attempt
	 * go only while somebody waits.
	 */
	private final class Flight extends FlightState {

		Flight(String key) {
			super(key);
		}

		@Override
		void removed() {
			inFlight.remove(key, this);
		}

		@Override
		void failed(Throwable error) {
			failures.incrementAndGet();
			log.warn("Could not load {}: {}", key, error.getMessage());
		}

		@Override
		void abandoned() {
			abandoned.incrementAndGet();
			log.debug("Nobody waits for {} any more: its load is cancelled", key);
		}
	}
}
