package io.analytips.pipeline.journal;

import java.util.HashSet;
import java.util.Set;

/** What the {@link SendJournal} knows, in this run, of one update with records and no durable outcome yet. */
final class UnreleasedUpdate {

	/** Its messages so far; written on the journal's thread, read by a replay on another. */
	volatile SendHistory history = SendHistory.NONE;

	/** The segments with its records; touched on the journal's thread only. */
	final Set<JournalSegment> segments = new HashSet<>();

	/** Dropped by a lost lead and not taken up again since; touched on the journal's thread only. */
	boolean abandoned;
}
