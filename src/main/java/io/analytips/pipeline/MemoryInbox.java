package io.analytips.pipeline;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.analytips.telegram.ReceivedUpdate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An inbox in memory: deduplicates and records outcomes but survives nothing. It exists to
 * measure what durability costs ({@code analytips.bot.inbox=memory} in the benchmark) and for
 * unit tests; never use it in production.
 */
public class MemoryInbox implements Inbox {

	private final Map<Long, String> outcomes = new ConcurrentHashMap<>();

	private static final String PENDING = "pending";

	@Override
	public Mono<List<ReceivedUpdate>> storeNew(List<ReceivedUpdate> batch) {
		return Mono.fromSupplier(() -> batch.stream()
			.filter(update -> outcomes.putIfAbsent(update.updateId(),
					update.isValid() ? PENDING : Outcome.INVALID.code()) == null)
			.toList());
	}

	@Override
	public Mono<Void> finish(long updateId, Outcome outcome, String detail) {
		return Mono.fromRunnable(() -> outcomes.replace(updateId, PENDING, outcome.code()));
	}

	@Override
	public Flux<ReceivedUpdate> unfinished() {
		return Flux.empty();
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
	public Mono<Long> purgeFinishedOlderThan(java.time.Duration age) {
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
