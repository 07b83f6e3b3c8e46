package io.analytips.telegram;

import java.util.function.Supplier;

import io.analytips.common.Activity;
import reactor.core.publisher.Mono;

/**
 * The calls on the wire (sent, not yet answered), and the hold at the end of a drain: once held, a message whose
 * turn comes waits until it is cancelled and is never sent, while calls already on the wire finish. Cancelling
 * after the wire is cleared therefore never cuts off a message Telegram may already have delivered. Callback
 * answers are still released (answering twice is harmless).
 */
final class OutboundWire {

	private final Activity onTheWire = new Activity();

	private volatile boolean holding;

	/** {@code call} now, counted on the wire until it ends; a message after {@link #hold()} never goes. */
	<T> Mono<T> send(boolean isMessage, Supplier<Mono<T>> call) {
		return Mono.defer(() -> {
			if (holding && isMessage) {
				return Mono.<T>never();
			}
			onTheWire.begin();
			return call.get().doFinally(signal -> onTheWire.end());
		});
	}

	void hold() {
		holding = true;
	}

	int count() {
		return onTheWire.count();
	}

	Mono<Void> cleared() {
		return onTheWire.idle();
	}
}
