package io.analytips.pipeline.recovery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.analytips.common.MutableClock;
import io.analytips.pipeline.Background;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.PipelineMetrics;
import io.analytips.pipeline.UpdateListener;
import io.analytips.pipeline.inbox.MemoryInbox;
import io.analytips.pipeline.journal.JournalWrites;
import io.analytips.pipeline.journal.SendHistory;
import io.analytips.pipeline.journal.SendJournal;
import io.analytips.support.Scratch;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** What a start does with each unfinished update, by how far its first message got before the stop. */
class ReplayTest {

	private final Path directory = Scratch.directory("send-journal");

	private final Map<Long, String> details = new ConcurrentHashMap<>();

	private final MemoryInbox inbox = new MemoryInbox(new MutableClock()) {
		@Override
		public Mono<Void> finish(long updateId, Outcome outcome, String detail) {
			return super.finish(updateId, outcome, detail).doOnSuccess(done -> details.put(updateId, detail));
		}
	};

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private static ReceivedUpdate update(long id) {
		return ReceivedUpdate.parse(Updates.message(id, "/help").put("update_id", id));
	}

	@Test
	void finishesWhatWasAnsweredAndHandlesAgainWhatMayNotHaveBeen() {
		SendJournal crashed = SendJournal.open(directory);
		StepVerifier.create(JournalWrites.sending(crashed, 1, 0)
			.then(JournalWrites.sent(crashed, 1, 0))
			.then(JournalWrites.ended(crashed, 1, Outcome.DONE))
			.then(JournalWrites.sending(crashed, 2, 0))).verifyComplete();
		inbox.storeNew(List.of(update(1), update(2), update(3))).block(Duration.ofSeconds(5));
		SendJournal journal = SendJournal.open(directory);
		InFlight inFlight = new InFlight(inbox);
		List.of(1L, 2L, 3L).forEach(inFlight::enter);
		Replay replay = new Replay(journal, inFlight, new Background(Duration.ofSeconds(5), registry),
				new PipelineMetrics(registry));

		assertThat(replay.toHandleAgain(update(1))).isFalse();
		assertThat(replay.toHandleAgain(update(2))).isTrue();
		assertThat(replay.toHandleAgain(update(3))).isTrue();
		replay.examinedAll();

		assertThat(inbox.outcomeOf(1)).isEqualTo("done");
		assertThat(inbox.outcomeOf(2)).isEqualTo("pending");
		assertThat(registry.get("analytips.updates.recovered").tag("how", "answered").counter().count()).isEqualTo(1);
		assertThat(registry.get("analytips.updates.recovered").tag("how", "resent").counter().count()).isEqualTo(1);
		StepVerifier.create(JournalWrites.flushed(journal)).verifyComplete();
		assertThat(SendJournal.open(directory).recovered(1)).as("forgotten once acted on").isEqualTo(new SendHistory(0, 0, null));
	}

	@Test
	void finishesAnUpdateAnsweredInPartAsDoneSayingHowManyMessagesWentAndDoesNotAnswerItAgain() {
		SendJournal crashed = SendJournal.open(directory);
		// A text split in three: the first part acknowledged, the second on the wire, the third never started.
		StepVerifier.create(JournalWrites.sending(crashed, 1, 0)
			.then(JournalWrites.sent(crashed, 1, 0))
			.then(JournalWrites.sending(crashed, 1, 1))).verifyComplete();
		inbox.storeNew(List.of(update(1))).block(Duration.ofSeconds(5));
		SendJournal journal = SendJournal.open(directory);
		InFlight inFlight = new InFlight(inbox);
		inFlight.enter(1);
		Replay replay = new Replay(journal, inFlight, new Background(Duration.ofSeconds(5), registry),
				new PipelineMetrics(registry));

		assertThat(replay.toHandleAgain(update(1))).isFalse();
		replay.examinedAll();

		assertThat(inbox.outcomeOf(1)).isEqualTo("done");
		assertThat(details.get(1L)).isEqualTo("answered in part before the restart: 1 messages acknowledged,"
				+ " 1 more may have arrived; its handling had not ended");
		assertThat(registry.get("analytips.updates.recovered").tag("how", "partial").counter().count()).isEqualTo(1);
	}

	@Test
	void aLeadRegainedInTheSameProcessFinishesWhatThisRunAnsweredWithoutAnsweringAgain() {
		SendJournal journal = SendJournal.open(directory);
		StepVerifier.create(JournalWrites.sending(journal, 4, 0)
			.then(JournalWrites.sent(journal, 4, 0))
			.then(JournalWrites.ended(journal, 4, Outcome.DONE)) // its outcome write failed
			.then(JournalWrites.sending(journal, 5, 0))
			.then(JournalWrites.sent(journal, 5, 0)) // then the lead was lost mid-handling
			.then(JournalWrites.sending(journal, 6, 0))).verifyComplete();
		journal.abandon(); // the lead is lost: its work dropped, this run's knowledge kept
		inbox.storeNew(List.of(update(4), update(5), update(6))).block(Duration.ofSeconds(5));
		InFlight inFlight = new InFlight(inbox, UpdateListener.NONE, journal::release);
		List.of(4L, 5L, 6L).forEach(inFlight::enter);
		Replay regained = new Replay(journal, inFlight, new Background(Duration.ofSeconds(5), registry),
				new PipelineMetrics(registry));

		assertThat(regained.toHandleAgain(update(4))).isFalse();
		assertThat(regained.toHandleAgain(update(5))).isFalse();
		assertThat(regained.toHandleAgain(update(6))).as("its message may not have arrived").isTrue();
		regained.examinedAll();
		StepVerifier.create(JournalWrites.flushed(journal)).verifyComplete();

		assertThat(inbox.outcomeOf(4)).isEqualTo("done");
		assertThat(details.get(4L)).isEqualTo("answered before the restart");
		assertThat(inbox.outcomeOf(5)).isEqualTo("done");
		assertThat(JournalWrites.unreleased(journal)).as("finished ones released on their outcome, the dropped one by the replay's end")
			.isZero();
		journal.close().block();
	}
	@Test
	void whatAPredecessorMarkedAsAnsweredIsFinishedNotAnsweredAgain() {
		inbox.storeNew(List.of(update(4), update(5))).block(Duration.ofSeconds(5));
		SendJournal journal = SendJournal.open(Scratch.directory("send-journal")); // another host's: it knows nothing
		InFlight inFlight = new InFlight(inbox);
		List.of(4L, 5L).forEach(inFlight::enter);
		Replay replay = new Replay(journal, inFlight, new Background(Duration.ofSeconds(5), registry),
				new PipelineMetrics(registry), java.util.Set.of(4L));

		assertThat(replay.toHandleAgain(update(4))).isFalse();
		assertThat(replay.toHandleAgain(update(5))).isTrue();
		replay.examinedAll();

		assertThat(inbox.outcomeOf(4)).isEqualTo("done");
		assertThat(inbox.outcomeOf(5)).isEqualTo("pending");
	}
}
