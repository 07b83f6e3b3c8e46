package io.analytips.pipeline.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.analytips.pipeline.Inbox;
import io.analytips.pipeline.Outcome;
import io.analytips.telegram.ReceivedUpdate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An inbox in memory: deduplicates and records outcomes but survives nothing. It exists to
 * measure what durability costs ({@code analytips.bot.inbox=memory} in the benchmark) and for
 * unit tests; never use it in production. Unfinished updates are kept with the time they were
 * stored (from {@code clock}) until they finish, so parked ones can be found while it runs. One instance keeps one
 * bot's updates (Telegram numbers them per bot): each bot of a deployment gets its own.
 */
public class MemoryInbox implements Inbox {

	private static final String PENDING = "pending";

	private final Map<Long, String> outcomes = new ConcurrentHashMap<>();

	private final Map<Long, Stored> unfinished = new ConcurrentHashMap<>();

	private final Clock clock;

	private final long bot;

	/** The inbox of a deployment that never named its bot (bot 0). */
	public MemoryInbox(Clock clock) {
		this(clock, 0);
	}

	/** @param bot Telegram's id of the bot whose updates this inbox keeps */
	public MemoryInbox(Clock clock, long bot) {
		if (bot < 0) {
			throw new IllegalArgumentException("a bot's id is not negative: " + bot);
		}
		this.clock = clock;
		this.bot = bot;
	}

	/** Telegram's id of the bot whose updates this inbox keeps. */
	public long bot() {
		return bot;
	}

	@Override
	public String toString() {
		return "MemoryInbox[bot " + bot + "]";
	}

	private record Stored(ReceivedUpdate update, Instant at) {
	}

	@Override
	public Mono<List<ReceivedUpdate>> storeNew(List<ReceivedUpdate> batch) {
		return Mono.fromSupplier(() -> batch.stream().filter(this::storedNow).toList());
	}

	private boolean storedNow(ReceivedUpdate update) {
		boolean fresh = outcomes.putIfAbsent(update.updateId(), update.isValid() ? PENDING : Outcome.INVALID.code()) == null;
		if (fresh && update.isValid()) {
			unfinished.put(update.updateId(), new Stored(update, clock.instant()));
		}
		return fresh;
	}

	@Override
	public Mono<Void> finish(long updateId, Outcome outcome, String detail) {
		return Mono.fromRunnable(() -> {
			outcomes.replace(updateId, PENDING, outcome.code());
			unfinished.remove(updateId);
		});
	}

	/** Nothing survives a restart: there is nothing to replay. */
	@Override
	public Flux<ReceivedUpdate> unfinished() {
		return Flux.empty();
	}

	@Override
	public Flux<ReceivedUpdate> unfinishedOlderThan(Duration age, Collection<Long> except, int limit) {
		return Flux.defer(() -> {
			Instant before = clock.instant().minus(age);
			Set<Long> excluded = Set.copyOf(except);
			return Flux.fromStream(unfinished.values().stream()
				.filter(stored -> stored.at().isBefore(before) && !excluded.contains(stored.update().updateId()))
				.sorted(Comparator.comparingLong(stored -> stored.update().updateId()))
				.limit(limit)
				.map(Stored::update));
		});
	}

	@Override
	public Flux<ReceivedUpdate> unfinishedExcept(Collection<Long> except, int limit) {
		return Flux.defer(() -> {
			Set<Long> excluded = Set.copyOf(except);
			return Flux.fromStream(unfinished.values().stream()
				.filter(stored -> !excluded.contains(stored.update().updateId()))
				.sorted(Comparator.comparingLong(stored -> stored.update().updateId()))
				.limit(limit)
				.map(Stored::update));
		});
	}

	@Override
	public Mono<Map<String, Long>> counts() {
		return Mono.fromSupplier(() -> {
			Map<String, Long> counts = new TreeMap<>();
			outcomes.values().forEach(outcome -> counts.merge(outcome, 1L, Long::sum));
			return counts;
		});
	}

	@Override
	public Mono<Long> purgeFinishedOlderThan(Duration age) {
		return Mono.just(0L);
	}

	@Override
	public Mono<Void> close() {
		return Mono.empty();
	}

	@Override
	public boolean isFailing() {
		return false;
	}

	/** The outcome of an update, {@code pending}, or null if never stored. */
	public String outcomeOf(long updateId) {
		return outcomes.get(updateId);
	}
}
