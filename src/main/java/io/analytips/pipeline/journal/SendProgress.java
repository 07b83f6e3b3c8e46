package io.analytips.pipeline.journal;

/** How far an update's first message got, as the {@link SendJournal} knows it: what decides whether handling it again could answer it twice. */
enum SendProgress {

	/** Nothing was sent: handling it again answers it once. */
	NOTHING_SENT,

	/** Its first message was handed to the sender and may be on the user's screen: handled again, at least once. */
	SENDING,

	/** Telegram acknowledged its first message: the user has the answer; it is finished, not handled again. */
	SENT
}
