package io.analytips.telegram;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Where an update source puts what it receives before telling Telegram it was received.
 * Implemented by the pipeline's inbox.
 */
public interface UpdateStore {

	/**
	 * Stores a batch durably. Emits the updates seen for the first time (a redelivered
	 * {@code update_id} is left out), in order; errors if the batch could not be stored, in which
	 * case nothing of it may be confirmed to Telegram.
	 */
	Mono<List<ReceivedUpdate>> storeNew(List<ReceivedUpdate> batch);

	/**
	 * Tells the replica that handles updates (replicas sharing one database) that new ones were stored here.
	 * Completes once told, or at once where there is nobody to tell; never errors (the leader also looks on a
	 * timer).
	 */
	default Mono<Void> announceStored() {
		return Mono.empty();
	}
}
