package io.analytips.pipeline;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import io.analytips.support.Scratch;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The send journal: what a crashed run's first messages got to, read by the next start, and no more kept than needed. */
class SendJournalTest {

	private final Path directory = Scratch.directory("send-journal");

	@Test
	void theNextStartReadsHowFarEachFirstMessageGot() {
		SendJournal first = SendJournal.open(directory);
		Set<SendJournal.Segment> held = new HashSet<>();
		StepVerifier.create(first.append(1, SendProgress.SENDING, held)).verifyComplete();
		StepVerifier.create(first.append(1, SendProgress.SENT, held)).verifyComplete();
		StepVerifier.create(first.append(2, SendProgress.SENDING, new HashSet<>())).verifyComplete();
		// No close: as if the process had been killed.

		SendJournal next = SendJournal.open(directory);
		assertThat(next.recovered(1)).isEqualTo(SendProgress.SENT);
		assertThat(next.recovered(2)).isEqualTo(SendProgress.SENDING);
		assertThat(next.recovered(3)).isEqualTo(SendProgress.NOTHING_SENT);
		next.close().block();
	}

	@Test
	void forgetsTheLastRunOnceItsNewsWasActedOn() {
		SendJournal first = SendJournal.open(directory);
		StepVerifier.create(first.append(1, SendProgress.SENT, new HashSet<>())).verifyComplete();
		SendJournal next = SendJournal.open(directory);

		StepVerifier.create(next.forgetRecovered()).verifyComplete();

		assertThat(next.recovered(1)).isEqualTo(SendProgress.NOTHING_SENT);
		next.close().block();
		assertThat(SendJournal.open(directory).recovered(1)).isEqualTo(SendProgress.NOTHING_SENT);
	}

	@Test
	void deletesASegmentOnceEveryUpdateThatWroteToItIsFinished() {
		SendJournal journal = SendJournal.open(directory, 2, Schedulers.newSingle("send-journal-test", true));
		Set<SendJournal.Segment> one = new HashSet<>();
		Set<SendJournal.Segment> two = new HashSet<>();
		StepVerifier.create(journal.append(1, SendProgress.SENDING, one)).verifyComplete();
		StepVerifier.create(journal.append(2, SendProgress.SENDING, two)).verifyComplete();
		StepVerifier.create(journal.append(1, SendProgress.SENT, one)).verifyComplete(); // the second segment
		assertThat(journal.files()).hasSize(2);
		assertThat(one).hasSize(2);

		journal.finished(two);
		assertThat(journal.files()).hasSize(2); // update 1 still needs the first segment
		journal.finished(one);
		StepVerifier.create(journal.append(3, SendProgress.SENDING, new HashSet<>())).verifyComplete(); // a turn of the writer
		assertThat(journal.files()).hasSize(1);
		journal.close().block();
	}

	@Test
	void aClosedJournalRefusesToWrite() {
		SendJournal journal = SendJournal.open(directory);
		journal.close().block();
		StepVerifier.create(journal.append(1, SendProgress.SENDING, new HashSet<>())).expectError().verify();
	}
}
