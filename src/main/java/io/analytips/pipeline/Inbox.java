package io.analytips.pipeline;

import java.util.Map;

import io.analytips.pipeline.recovery.HandedOverUpdates;
import io.analytips.pipeline.recovery.InFlight;
import io.analytips.pipeline.recovery.ParkedUpdates;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.UpdateStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The durable record of every update: stored before Telegram is told it was received
 * ({@link #storeNew}, deduplicating by {@code update_id}), finished with exactly one
 * {@link Outcome}, and replayed at start-up when a previous run ended before finishing it.
 */
public interface Inbox extends UpdateStore {

	/**
	 * Records an update's outcome (batched with others). Completes once it is durable; errors if
	 * it could not be written, in which case the update stays unfinished (the pipeline keeps the
	 * outcome and writes it again, see {@link InFlight}; a restart before then replays it). An
	 * update that already has an outcome keeps it.
	 */
	Mono<Void> finish(long updateId, Outcome outcome, String detail);

	/** Updates stored without an outcome, oldest first. */
	Flux<ReceivedUpdate> unfinished();

	/**
	 * Updates stored without an outcome more than {@code age} ago, but {@code except}, oldest first,
	 * at most {@code limit}: while the bot runs, those this process does not hold are parked (see
	 * {@link ParkedUpdates}). {@code except} may be thousands (outcomes kept through an outage): an inbox in a database
	 * leaves them out itself rather than sending them with each read.
	 */
	Flux<ReceivedUpdate> unfinishedOlderThan(java.time.Duration age, java.util.Collection<Long> except, int limit);

	/**
	 * One signal each time another replica announces stored updates ({@link #announceStored()}), while
	 * subscribed; never errors. Never emits where no other replica can store (the default).
	 */
	default Flux<?> announced() {
		return Flux.never();
	}

	/**
	 * Updates stored without an outcome, at any age, but {@code except}, oldest first, at most {@code limit}: with
	 * replicas storing webhook requests, those the leader does not hold yet ({@link HandedOverUpdates}).
	 */
	Flux<ReceivedUpdate> unfinishedExcept(java.util.Collection<Long> except, int limit);

	/**
	 * Whether this inbox keeps {@link #markFirstSent marks} of acknowledged first messages: where another replica may
	 * replay this one's updates (a database they share). Without it the send journal, local to this process, is all.
	 */
	default boolean marksFirstSends() {
		return false;
	}

	/**
	 * Marks that Telegram acknowledged {@code updateId}'s first message (batched with others), so that a successor's
	 * replay finishes it as answered. Completes once durable; errors if it could not be written. Does nothing where
	 * {@link #marksFirstSends()} is false.
	 */
	default Mono<Void> markFirstSent(long updateId) {
		return Mono.empty();
	}

	/** The unfinished updates {@link #markFirstSent marked} as answered; empty where nothing is marked. */
	default Mono<java.util.Set<Long>> firstSentUnfinished() {
		return Mono.just(java.util.Set.of());
	}

	/** Rows per outcome ({@code pending} for unfinished ones). */
	Mono<Map<String, Long>> counts();

	/** Deletes finished updates older than {@code age}; emits how many. */
	Mono<Long> purgeFinishedOlderThan(java.time.Duration age);

	/** Writes everything queued, then refuses new writes. */
	Mono<Void> close();

	/** Whether the last write failed (the database is unreachable); cleared by the next success. */
	boolean isFailing();
}
