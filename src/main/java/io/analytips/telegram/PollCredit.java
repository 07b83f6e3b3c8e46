package io.analytips.telegram;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Operators;

/**
 * The updates downstream has asked for and not yet been given: what one {@code getUpdates} may fetch. The polling
 * loop waits here while there is none, so a burst Telegram holds stays at Telegram (it keeps updates for 24 h)
 * instead of being fetched into a buffer with no room. One loop takes; any thread gives.
 */
final class PollCredit {

	private final AtomicLong credit = new AtomicLong();

	/** The loop waiting for credit, if it is. */
	private final AtomicReference<MonoSink<Boolean>> waiting = new AtomicReference<>();

	/** Downstream asked for {@code n} more (saturates at unbounded). */
	void give(long n) {
		credit.accumulateAndGet(n, Operators::addCap);
		MonoSink<Boolean> loop = waiting.getAndSet(null);
		if (loop != null) {
			loop.success(true);
		}
	}

	/** Updates fetched: {@code n} of the credit used (unbounded stays unbounded). */
	void take(int n) {
		credit.updateAndGet(left -> left == Long.MAX_VALUE ? left : left - n);
	}

	/**
	 * Emits how many updates the next call may ask for, between 1 and {@code max}, once downstream has asked for at
	 * least one; waits until then (cancelling stops the wait).
	 */
	Mono<Integer> available(int max) {
		return Mono.defer(() -> credit.get() > 0 ? Mono.just(room(max)) : given().then(Mono.fromSupplier(() -> room(max))));
	}

	private int room(int max) {
		return (int) Math.min(max, Math.max(1, credit.get()));
	}

	/** Completes once credit is above zero (checked again after parking: a give may have come in between). */
	private Mono<Boolean> given() {
		return Mono.create(sink -> {
			waiting.set(sink);
			sink.onDispose(() -> waiting.compareAndSet(sink, null));
			if (credit.get() > 0 && waiting.compareAndSet(sink, null)) {
				sink.success(true);
			}
		});
	}
}
