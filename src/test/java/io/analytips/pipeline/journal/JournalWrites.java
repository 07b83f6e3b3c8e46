package io.analytips.pipeline.journal;

import java.nio.file.Path;

import io.analytips.pipeline.Outcome;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A {@link SendJournal} as the tests of other folders need it: records a run left behind (what a replay reads),
 * a journal on a test's own thread, and what it holds, without opening the journal's records to the main code.
 */
public final class JournalWrites {

	private JournalWrites() {
	}

	/** A journal in {@code directory} that writes on {@code writing} (a test's scheduler). */
	public static SendJournal open(Path directory, Scheduler writing) {
		return SendJournal.open(directory, SendJournal.SEGMENT_RECORDS, writing);
	}

	/** Message {@code message} of the update was about to go. */
	public static Mono<Void> sending(SendJournal journal, long updateId, int message) {
		return journal.append(updateId, JournalRecord.Kind.SENDING, message);
	}

	/** Telegram acknowledged message {@code message} of the update. */
	public static Mono<Void> sent(SendJournal journal, long updateId, int message) {
		return journal.append(updateId, JournalRecord.Kind.SENT, message);
	}

	/** The update's handling ended with {@code outcome}. */
	public static Mono<Void> ended(SendJournal journal, long updateId, Outcome outcome) {
		return journal.append(updateId, JournalRecord.Kind.ENDED, outcome.ordinal());
	}

	/** Completes once every record appended so far is written. */
	public static Mono<Void> flushed(SendJournal journal) {
		return journal.flushed();
	}

	/** The updates with records and no durable outcome. */
	public static int unreleased(SendJournal journal) {
		return journal.unreleased();
	}
}
