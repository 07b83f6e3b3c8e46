package io.analytips.pipeline;

import io.analytips.telegram.ReceivedUpdate;

/**
 * An update stored without an outcome, and how far its first message got before the process
 * stopped: what decides whether handling it again could answer it twice.
 */
public record Unfinished(ReceivedUpdate received, Progress progress) {

	/** How far the update's first message got. */
	public enum Progress {
		/** Nothing was sent: handling it again answers it once. */
		NOTHING_SENT,
		/** Its first message was handed to the sender and may be on the user's screen: handled again, at least once. */
		SENDING,
		/** Telegram acknowledged its first message: the user has the answer; it is finished, not handled again. */
		SENT
	}

	static Unfinished notSent(ReceivedUpdate received) {
		return new Unfinished(received, Progress.NOTHING_SENT);
	}
}
