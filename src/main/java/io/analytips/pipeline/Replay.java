package io.analytips.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.analytips.telegram.ReceivedUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * What the start finds unfinished, by how far the update's first message got before the stop
 * ({@link SendJournal}, and with replicas the inbox's marks of acknowledged first messages, which the replica
 * that sent them wrote): one acknowledged by Telegram is finished {@code done} without answering
 * it again; one handed to the sender may have arrived and is handled again (at least once),
 * counted and logged. Once every row was examined and those finishes are in, the journal
 * forgets the last run.
 */
final class Replay {

	private static final Logger log = LoggerFactory.getLogger(Replay.class);

	private final SendJournal journal;

	private final InFlight inFlight;

	private final Background background;

	private final PipelineMetrics metrics;

	private final List<Mono<Void>> answeredFinishes = new ArrayList<>();

	/** Updates whose first message the inbox says was acknowledged (with replicas: by whichever replica sent it). */
	private final Set<Long> markedSent;

	private long resent;

	private long total;

	Replay(SendJournal journal, InFlight inFlight, Background background, PipelineMetrics metrics) {
		this(journal, inFlight, background, metrics, Set.of());
	}

	/** @param markedSent the unfinished updates the inbox has marked as answered ({@link Inbox#firstSentUnfinished}) */
	Replay(SendJournal journal, InFlight inFlight, Background background, PipelineMetrics metrics, Set<Long> markedSent) {
		this.markedSent = markedSent;
		this.journal = journal;
		this.inFlight = inFlight;
		this.background = background;
		this.metrics = metrics;
	}

	boolean toHandleAgain(ReceivedUpdate received) {
		total++;
		long updateId = received.updateId();
		SendProgress progress = markedSent.contains(updateId) ? SendProgress.SENT : journal.recovered(updateId);
		switch (progress) {
			case SENT -> {
				metrics.recovered("answered");
				answeredFinishes.add(inFlight.finish(updateId, Outcome.DONE, "answered before the restart")
					.doFinally(signal -> inFlight.ended(updateId)));
				return false;
			}
			case SENDING -> {
				resent++;
				metrics.recovered("resent");
				return true;
			}
			default -> {
				return true;
			}
		}
	}

	void examinedAll() {
		long answered = answeredFinishes.size();
		if (total > 0) {
			log.info("Found {} unfinished updates: {} answered before the stop (finished, not answered again), "
					+ "{} whose first message had started and may have arrived (answered again: at least once), "
					+ "{} handled from the start", total, answered, resent, total - answered - resent);
		}
		background.run("forget the last run's sends", Mono.when(answeredFinishes).then(journal.forgetRecovered()));
	}
}
