package io.analytips.telegram;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.analytips.common.SerialLanes;
import reactor.core.publisher.Mono;

/**
 * The outbound calls waiting or running, bounded: past {@code capacity}, a new call fails at once with
 * {@link OutboundOverflowException}. Broadcasts are bounded apart, by the same number, so a broadcast to thousands
 * never leaves replies without room (nor replies broadcasts). A chat's calls, broadcasts included, run one after
 * another, in the order they came.
 */
final class OutboundQueue {

	private final int capacity;

	private final SerialLanes<Long> lanes = new SerialLanes<>();

	private final AtomicInteger pending = new AtomicInteger();

	private final AtomicInteger broadcasts = new AtomicInteger();

	private final AtomicLong refused = new AtomicLong();

	OutboundQueue(int capacity) {
		this.capacity = capacity;
	}

	/** {@code work} once there is room, after the chat's earlier calls (none to wait for when {@code chat} is null). */
	<T> Mono<T> enqueue(Long chat, Mono<T> work) {
		return enqueue(chat, work, pending);
	}

	/** As {@link #enqueue}, counted against the broadcasts' own bound. */
	<T> Mono<T> enqueueBroadcast(long chat, Mono<T> work) {
		return enqueue(chat, work, broadcasts);
	}

	private <T> Mono<T> enqueue(Long chat, Mono<T> work, AtomicInteger counted) {
		return Mono.defer(() -> {
			if (counted.incrementAndGet() > capacity) {
				counted.decrementAndGet();
				refused.incrementAndGet();
				return Mono.error(new OutboundOverflowException(capacity));
			}
			Mono<T> inOrder = chat == null ? work : lanes.serialize(chat, work);
			return inOrder.doFinally(signal -> counted.decrementAndGet());
		});
	}

	/** Calls other than broadcasts waiting or running. */
	int pending() {
		return pending.get();
	}

	/** Broadcasts waiting or running. */
	int broadcasts() {
		return broadcasts.get();
	}

	long refused() {
		return refused.get();
	}
}
