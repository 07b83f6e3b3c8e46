package io.analytips.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.analytips.common.MutableClock;
import io.analytips.support.Scratch;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** What a start does with each unfinished update, by how far its first message got before the stop. */
class ReplayTest {

	private final Path directory = Scratch.directory("send-journal");

	private final MemoryInbox inbox = new MemoryInbox(new MutableClock());

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private static ReceivedUpdate update(long id) {
		return ReceivedUpdate.parse(Updates.message(id, "/help").put("update_id", id));
	}

	@Test
	void finishesWhatWasAnsweredAndHandlesAgainWhatMayNotHaveBeen() {
		SendJournal crashed = SendJournal.open(directory);
		StepVerifier.create(crashed.append(1, JournalRecord.Kind.SENDING, 0)
			.then(crashed.append(1, JournalRecord.Kind.SENT, 0))
			.then(crashed.append(1, JournalRecord.Kind.ENDED, Outcome.DONE.ordinal()))
			.then(crashed.append(2, JournalRecord.Kind.SENDING, 0))).verifyComplete();
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
		StepVerifier.create(journal.flushed()).verifyComplete();
		assertThat(SendJournal.open(directory).recovered(1)).as("forgotten once acted on").isEqualTo(SendHistory.NONE);
	}
}
