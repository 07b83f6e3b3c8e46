package io.analytips.telegram;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.analytips.common.SerialLanes;
import reactor.core.publisher.Mono;

/**
 * The outbound calls waiting or running, bounded: past {@code capacity}, a new call fails at once with
 * {@link OutboundOverflowException}. A chat's calls run one after another, in the order they came.
 */
final class OutboundQueue {

	private final int capacity;

	private final SerialLanes<Long> lanes = new SerialLanes<>();

	private final AtomicInteger pending = new AtomicInteger();

	private final AtomicLong refused = new AtomicLong();

	OutboundQueue(int capacity) {
		this.capacity = capacity;
	}

	/** {@code work} once there is room, after the chat's earlier calls (none to wait for when {@code chat} is null). */
	<T> Mono<T> enqueue(Long chat, Mono<T> work) {
		return Mono.defer(() -> {
			if (pending.incrementAndGet() > capacity) {
				pending.decrementAndGet();
				refused.incrementAndGet();
				return Mono.error(new OutboundOverflowException(capacity));
			}
			Mono<T> inOrder = chat == null ? work : lanes.serialize(chat, work);
			return inOrder.doFinally(signal -> pending.decrementAndGet());
		});
	}

	int pending() {
		return pending.get();
	}

	long refused() {
		return refused.get();
	}
}
