package io.analytips.common;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs work one at a time per key, in subscription order, while different keys run in parallel
 * (grammY's {@code sequentialize}). A key's entry is removed when its last piece of work ends, so
 * memory is bounded by the keys with work in flight.
 *
 * @param <K> the key, e.g. a chat id
 */
public final class SerialLanes<K> {

	private final ConcurrentHashMap<K, Mono<Void>> tails = new ConcurrentHashMap<>();

	/**
	 * Defers {@code work} until every earlier piece of work of the same key has ended (completed,
	 * failed or been cancelled), then emits what {@code work} emits. Cancelling while waiting keeps
	 * the order for the work queued behind.
	 */
	public <T> Mono<T> serialize(K key, Mono<T> work) {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(work, "work");
		return Mono.defer(() -> {
			Sinks.Empty<Void> ended = Sinks.empty();
			Mono<Void> mine = ended.asMono();
			Mono<Void> previous = tails.put(key, mine);
			Mono<Void> turn = previous == null ? Mono.empty() : previous;
			Runnable release = () -> {
				ended.tryEmitEmpty();
				tails.remove(key, mine);
			};
			// Whatever ends this work, the next one may start only after the previous one has ended.
			return turn.then(work).doFinally(signal -> turn.subscribe(null, error -> release.run(), release));
		});
	}

	/** Keys with work running or waiting. */
	public int activeKeys() {
		return tails.size();
	}
}
