package io.analytips.pipeline.journal;

import io.analytips.pipeline.Outcome;

/**
 * What the {@link SendJournal} knows of one update's messages: how many were started, how many
 * Telegram acknowledged, and the outcome its handling ended with (null while it had not ended).
 * Decides what a replay does with the update ({@code recovery.Replay}).
 *
 * @param started messages recorded as about to go
 * @param acknowledged messages Telegram acknowledged
 * @param ended the outcome once the update's handling ended (every message it sent went or failed), else null
 */
public record SendHistory(int started, int acknowledged, Outcome ended) {

	static final SendHistory NONE = new SendHistory(0, 0, null);

	/** The history after {@code record}. */
	SendHistory with(JournalRecord record) {
		return switch (record.kind()) {
			case SENDING -> new SendHistory(started + 1, acknowledged, ended);
			case SENT -> new SendHistory(started, acknowledged + 1, ended);
			case ENDED -> new SendHistory(started, acknowledged, Outcome.values()[Math.min(record.value(),
					Outcome.values().length - 1)]);
		};
	}

	/** Both histories together (an earlier run's and this run's of the same update). */
	SendHistory plus(SendHistory other) {
		return new SendHistory(started + other.started, acknowledged + other.acknowledged,
				other.ended != null ? other.ended : ended);
	}

	/** Messages that started and were not acknowledged: each may or may not be on the user's screen. */
	public int unacknowledged() {
		return Math.max(0, started - acknowledged);
	}

	/** How far the update got, in the terms of the first message (what the replay used to decide on). */
	SendProgress progress() {
		if (acknowledged > 0) {
			return SendProgress.SENT;
		}
		return started > 0 ? SendProgress.SENDING : SendProgress.NOTHING_SENT;
	}
}
