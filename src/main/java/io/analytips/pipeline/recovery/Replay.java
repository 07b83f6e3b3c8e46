package io.analytips.pipeline.recovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.analytips.pipeline.Background;
import io.analytips.pipeline.Inbox;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.PipelineMetrics;
import io.analytips.pipeline.journal.SendHistory;
import io.analytips.pipeline.journal.SendJournal;
import io.analytips.telegram.ReceivedUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * What a start (or a regained lead) finds unfinished, by how far the update's messages got before
 * the stop ({@link SendJournal}, which also remembers this run's sends of updates without a durable
 * outcome, so a lead lost and regained in one process answers nothing again):
 * <ul>
 * <li>its handling had ended ({@code ENDED}: every message went or failed): finished with that outcome,
 * not answered again ({@code analytips.updates.recovered{how=answered}});</li>
 * <li>some of its messages were acknowledged and the handling had not ended (a split text cut after its
 * first parts, or the work after the reply, such as the history save, not done): finished {@code done} with
 * a detail saying how many messages went, not answered again ({@code how=partial}). Answering again would
 * repeat what the user has; the rest of the answer is lost, which the detail and the metric show;</li>
 * <li>a message was handed to the sender and none acknowledged: it may have arrived, and the update is
 * handled again (at least once; {@code how=resent});</li>
 * <li>nothing was sent: handled again, once.</li>
 * </ul>
 * Once every row was examined and those finishes are in, the journal forgets the last run.
 */
public final class Replay {

	private static final Logger log = LoggerFactory.getLogger(Replay.class);

	private final SendJournal journal;

	private final InFlight inFlight;

	private final Background background;

	private final PipelineMetrics metrics;

	private final List<Mono<Void>> answeredFinishes = new ArrayList<>();

	/** Updates whose first message the inbox says was acknowledged (with replicas: by whichever replica sent it). */
	private final Set<Long> markedSent;

	private long resent;

	private long partial;

	private long total;

	Replay(SendJournal journal, InFlight inFlight, Background background, PipelineMetrics metrics) {
		this(journal, inFlight, background, metrics, Set.of());
	}

	/** @param markedSent the unfinished updates the inbox has marked as answered ({@link Inbox#firstSentUnfinished}) */
	public Replay(SendJournal journal, InFlight inFlight, Background background, PipelineMetrics metrics,
			Set<Long> markedSent) {
		this.markedSent = markedSent;
		this.journal = journal;
		this.inFlight = inFlight;
		this.background = background;
		this.metrics = metrics;
	}

	public boolean toHandleAgain(ReceivedUpdate received) {
		total++;
		long updateId = received.updateId();
		if (markedSent.contains(updateId)) {
			metrics.recovered("answered");
			finish(updateId, Outcome.DONE, "answered before the takeover (its first message is marked in the inbox)");
			return false;
		}
		SendHistory history = journal.recovered(updateId);
		if (history.ended() != null) {
			metrics.recovered("answered");
			finish(updateId, history.ended(), "answered before the restart");
			return false;
		}
		if (history.acknowledged() > 0) {
			partial++;
			metrics.recovered("partial");
			finish(updateId, Outcome.DONE, String.format("answered in part before the restart: %d messages acknowledged,"
					+ " %d more may have arrived; its handling had not ended", history.acknowledged(),
					history.unacknowledged()));
			return false;
		}
		if (history.started() > 0) {
			resent++;
			metrics.recovered("resent");
		}
		return true;
	}

	private void finish(long updateId, Outcome outcome, String detail) {
		answeredFinishes.add(inFlight.finish(updateId, outcome, detail).doFinally(signal -> inFlight.ended(updateId)));
	}

	public void examinedAll() {
		long answered = answeredFinishes.size() - partial;
		if (total > 0) {
			log.info("Found {} unfinished updates: {} answered before the stop (finished, not answered again), "
					+ "{} answered in part (finished done, the rest of their answer lost), "
					+ "{} whose first message had started and may have arrived (answered again: at least once), "
					+ "{} handled from the start", total, answered, partial, resent, total - answered - partial - resent);
		}
		background.run("forget the last run's sends", Mono.when(answeredFinishes).then(journal.forgetRecovered()));
	}
}
