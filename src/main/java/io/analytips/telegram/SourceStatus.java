package io.analytips.telegram;

import java.time.Instant;

/**
 * The state of an update source.
 *
 * @param state what it is doing
 * @param since when it entered that state
 * @param lastError the last failure, or null
 * @param lastSuccess when updates were last received and stored (a poll answered, a webhook
 * accepted), or null if never
 */
public record SourceStatus(State state, Instant since, String lastError, Instant lastSuccess) {

	/** What a source is doing. */
	public enum State {
		/** Not started, or stopped. */
		IDLE,
		/** Receiving updates. */
		RECEIVING,
		/** Telegram or the store is failing; retrying with backoff, nothing is confirmed meanwhile. */
		RETRYING,
		/** The token was rejected: intake has ended until an operator fixes it. */
		FAILED
	}

	/** Whether updates can currently be received and stored. */
	public boolean isHealthy() {
		return state == State.RECEIVING;
	}
}
