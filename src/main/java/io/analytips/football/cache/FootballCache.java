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
import io.analytips.common.Clocks;
import io.analytips.football.api.ApiFootballException;
import io.analytips.football.api.ApiRequest;
import io.analytips.store.ApiCacheRepository;
import io.analytips.store.CachedAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API-Football answers in two tiers: memory (Caffeine) and PostgreSQL ({@code api_cache}, so a
 * restart spends no quota). Per request:
 * <ul>
 * <li>fresh in memory → served;</li>
 * <li>otherwise one load per key at a time (single flight: concurrent identical requests share
 * it): fresh in PostgreSQL → served; else fetched upstream and stored in both tiers;</li>
 * <li>stale-if-error: when the fetch fails (upstream down, breaker open, quota spent), the last
 * good copy is served, marked stale, with its age.</li>
 * </ul>
 * A load runs to completion even if the request that started it gives up, so a spent upstream
 * call is never wasted; it runs in the starter's Reactor context, so its upstream call counts
 * for the starter alone ({@link io.analytips.common.UpstreamCalls}): a hit or a shared load costs
 * a request nothing. Only answers without errors are stored.
 */
public class FootballCache {

	private static final Logger log = LoggerFactory.getLogger(FootballCache.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** How long a stale copy is kept in memory for stale-if-error (PostgreSQL keeps it longer). */
	private static final Duration KEEP_STALE = Duration.ofDays(2);

	private final ApiCacheRepository repository;

	private final CachePolicy policy;

	private final Clock clock;

	private final Cache<String, Entry> memory;

	private final ConcurrentHashMap<String, Sinks.One<Cached<JsonNode>>> inFlight = new ConcurrentHashMap<>();

	private final AtomicLong memoryHits = new AtomicLong();

	private final AtomicLong databaseHits = new AtomicLong();

	private final AtomicLong upstreamCalls = new AtomicLong();

	private final AtomicLong sharedCalls = new AtomicLong();

	private final AtomicLong staleServed = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	public FootballCache(ApiCacheRepository repository, CachePolicy policy, Clock clock, long maxEntries) {
		this.repository = repository;
		this.policy = policy;
		this.clock = clock;
		this.memory = Caffeine.newBuilder()
			.maximumSize(maxEntries)
			.expireAfterWrite(KEEP_STALE)
			.ticker(Clocks.ticker(clock))
			.executor(Runnable::run)
			.build();
	}

	/**
	 * The answer to a request: emits it fresh from a tier or from {@code fetch}, or stale when
	 * {@code fetch} fails and a copy exists; errors with the fetch's error when there is no copy.
	 */
	public Mono<Cached<JsonNode>> get(ApiRequest request, Function<ApiRequest, Mono<JsonNode>> fetch) {
		return Mono.deferContextual(context -> {
			String key = request.key();
			Entry entry = memory.getIfPresent(key);
			if (entry != null && entry.isFresh(clock.instant())) {
				memoryHits.incrementAndGet();
				return Mono.just(entry.cached(false));
			}
			Sinks.One<Cached<JsonNode>> mine = Sinks.one();
			Sinks.One<Cached<JsonNode>> running = inFlight.putIfAbsent(key, mine);
			if (running != null) {
				sharedCalls.incrementAndGet();
				return running.asMono();
			}
			// Leave the in-flight map before answering, so a request that comes after the answer
			// starts from the tiers instead of joining a load that has already finished.
			// The load is detached from its starter (so it outlives a starter that gives up) but keeps
			// the starter's context: its upstream call is counted for, and logged with, that request.
			load(request, entry, fetch).subscribe(value -> {
				inFlight.remove(key, mine);
				mine.tryEmitValue(value);
			}, error -> {
				inFlight.remove(key, mine);
				mine.tryEmitError(error);
			}, () -> inFlight.remove(key, mine), Context.of(context));
			return mine.asMono();
		});
	}

	private Mono<Cached<JsonNode>> load(ApiRequest request, Entry inMemory, Function<ApiRequest, Mono<JsonNode>> fetch) {
		Mono<Entry> stored = inMemory != null ? Mono.just(inMemory) : fromDatabase(request.key());
		return stored.map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(copy -> {
			if (copy.isPresent() && copy.get().isFresh(clock.instant())) {
				databaseHits.incrementAndGet();
				memory.put(request.key(), copy.get());
				return Mono.just(copy.get().cached(false));
			}
			upstreamCalls.incrementAndGet();
			return Mono.defer(() -> fetch.apply(request))
				.flatMap(envelope -> store(request, envelope))
				.onErrorResume(error -> {
					if (copy.isPresent() && !(error instanceof ApiFootballException ex && !ex.isUnavailable())) {
						staleServed.incrementAndGet();
						log.info("Serving a stale copy of {} ({} old): {}", request,
								Duration.between(copy.get().fetchedAt, clock.instant()), error.getMessage());
						return Mono.just(copy.get().cached(true));
					}
					failures.incrementAndGet();
					return Mono.error(error);
				});
		});
	}

	private Mono<Cached<JsonNode>> store(ApiRequest request, JsonNode envelope) {
		Instant now = clock.instant();
		Entry entry = new Entry(envelope, now, now.plus(policy.ttl(request, envelope)));
		memory.put(request.key(), entry);
		return repository.save(new CachedAnswer(request.key(), envelope.toString(), entry.fetchedAt, entry.expiresAt))
			.onErrorResume(error -> {
				log.warn("Could not store {} in PostgreSQL (kept in memory): {}", request, error.toString());
				return Mono.empty();
			})
			.thenReturn(entry.cached(false));
	}

	private Mono<Entry> fromDatabase(String key) {
		return repository.find(key).flatMap(answer -> {
			try {
				return Mono.just(new Entry(JSON.readTree(answer.body()), answer.fetchedAt(), answer.expiresAt()));
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
		return new CacheStats(memoryHits.get(), databaseHits.get(), upstreamCalls.get(), sharedCalls.get(),
				staleServed.get(), failures.get(), memory.estimatedSize());
	}

	/** One cached answer. */
	private record Entry(JsonNode envelope, Instant fetchedAt, Instant expiresAt) {

		boolean isFresh(Instant now) {
			return now.isBefore(expiresAt);
		}

		Cached<JsonNode> cached(boolean stale) {
			return new Cached<>(envelope, fetchedAt, stale);
		}
	}
}
