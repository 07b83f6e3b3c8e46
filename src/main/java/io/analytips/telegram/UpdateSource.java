package io.analytips.telegram;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where updates come from: long polling or a webhook. Exactly one is active, chosen by
 * {@code TELEGRAM_MODE}.
 */
public interface UpdateSource {

	/**
	 * Emits each update once it is stored in the {@link UpdateStore}, never one that was already
	 * stored. Subscribing starts intake (and registers or removes the webhook); cancelling stops it
	 * at once. Completes never; errors only on a fatal failure (the token was rejected).
	 */
	Flux<ReceivedUpdate> updates();

	/**
	 * As {@link #updates()}, completing once {@code closing} completes: intake stops taking more, and what the
	 * source already stored and holds is still emitted where it can be (long polling: the batch in hand), else left
	 * stored for the next start. By default it stops at once.
	 */
	default Flux<ReceivedUpdate> updates(Mono<Void> closing) {
		return updates().takeUntilOther(closing);
	}

	/**
	 * Tells Telegram that everything stored has been received, so a restart does not fetch it
	 * again. Called once after intake stopped; completes even if Telegram cannot be reached.
	 */
	Mono<Void> confirmReceived();

	/**
	 * Whether this source only stores what it receives (announcing it, {@link UpdateStore#announceStored()})
	 * and emits nothing, leaving the replica that leads to take every stored update from the store in order:
	 * a webhook behind a load balancer, on replicas sharing one database. False by default.
	 */
	default boolean handsOver() {
		return false;
	}

	/**
	 * Whether {@link #updates()} fetches only what downstream requests, leaving the rest at Telegram (long polling):
	 * then a bounded buffer in front of the handlers needs never refuse an update for want of room. A source that
	 * is pushed to (a webhook) cannot wait and says false, the default.
	 */
	default boolean pullsOnDemand() {
		return false;
	}

	/** The source's health, for readiness and the admin status. */
	SourceStatus status();
}
