package io.analytips.common;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Counts work in progress and says when there is none ({@link #idle()}), without polling: the last {@link #end()}
 * completes whoever waits. Thread-safe; any thread may begin and end.
 */
public final class Activity {

	private final AtomicInteger count = new AtomicInteger();

	/** The waiters' signal while someone waits for idle; null otherwise. */
	private final AtomicReference<Sinks.Empty<Void>> waiting = new AtomicReference<>();

	/** One more piece of work has started. */
	public void begin() {
		count.incrementAndGet();
	}

	/** One piece of work has ended; the last one releases whoever waits in {@link #idle()}. */
	public void end() {
		if (count.decrementAndGet() == 0) {
			release();
		}
	}

	/** Work in progress now. */
	public int count() {
		return count.get();
	}

	/**
	 * Completes once nothing is in progress: at once if nothing is, else when the last piece ends. Never errors;
	 * each subscription looks afresh.
	 */
	public Mono<Void> idle() {
		return Mono.defer(() -> {
			if (count.get() == 0) {
				return Mono.empty();
			}
			Sinks.Empty<Void> signal = waiting.updateAndGet(current -> current != null ? current : Sinks.empty());
			if (count.get() == 0) {
				release(); // the last end came between the check and the wait
			}
			return signal.asMono();
		});
	}

	private void release() {
		Sinks.Empty<Void> signal = waiting.getAndSet(null);
		if (signal != null) {
			signal.tryEmitEmpty();
		}
	}
}
