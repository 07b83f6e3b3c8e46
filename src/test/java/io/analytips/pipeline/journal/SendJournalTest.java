package io.analytips.pipeline.journal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.analytips.pipeline.Outcome;
import io.analytips.support.Scratch;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static io.analytips.pipeline.journal.JournalRecord.Kind.ENDED;
import static io.analytips.pipeline.journal.JournalRecord.Kind.SENDING;
import static io.analytips.pipeline.journal.JournalRecord.Kind.SENT;
import static org.assertj.core.api.Assertions.assertThat;

/** The send journal: what a crashed run's messages got to, read by the next start, and no more kept than needed. */
class SendJournalTest {

	private final Path directory = Scratch.directory("send-journal");

	@Test
	void theNextStartReadsHowFarEachUpdatesMessagesGot() {
		SendJournal first = SendJournal.open(directory);
		StepVerifier.create(first.append(1, SENDING, 0).then(first.append(1, SENT, 0))
			.then(first.append(1, SENDING, 1)).then(first.append(1, SENT, 1)).then(first.append(1, ENDED,
					Outcome.DONE.ordinal()))
			.then(first.append(2, SENDING, 0))
			.then(first.append(3, SENDING, 0)).then(first.append(3, SENT, 0)).then(first.append(3, SENDING, 1)))
			.verifyComplete();
		// No close: as if the process had been killed.

		SendJournal next = SendJournal.open(directory);
		assertThat(next.recovered(1)).isEqualTo(new SendHistory(2, 2, Outcome.DONE));
		assertThat(next.recovered(2)).isEqualTo(new SendHistory(1, 0, null));
		assertThat(next.recovered(3)).isEqualTo(new SendHistory(2, 1, null));
		assertThat(next.recovered(3).unacknowledged()).isOne();
		assertThat(next.recovered(4)).isEqualTo(SendHistory.NONE);
		next.close().block();
	}

	@Test
	void forgetsTheLastRunOnceItsNewsWasActedOn() {
		SendJournal first = SendJournal.open(directory);
		StepVerifier.create(first.append(1, SENT, 0)).verifyComplete();
		SendJournal next = SendJournal.open(directory);

		StepVerifier.create(next.forgetRecovered()).verifyComplete();

		assertThat(next.recovered(1)).isEqualTo(SendHistory.NONE);
		next.close().block();
		assertThat(SendJournal.open(directory).recovered(1)).isEqualTo(SendHistory.NONE);
	}

	@Test
	void deletesASegmentOnceEveryUpdateThatWroteToItIsReleased() {
		SendJournal journal = SendJournal.open(directory, 2, Schedulers.newSingle("send-journal-test", true));
		StepVerifier.create(journal.append(1, SENDING, 0)).verifyComplete();
		StepVerifier.create(journal.append(2, SENDING, 0)).verifyComplete();
		StepVerifier.create(journal.append(1, SENT, 0)).verifyComplete(); // the second segment
		assertThat(journal.files()).hasSize(2);

		journal.release(2);
		StepVerifier.create(journal.flushed()).verifyComplete();
		assertThat(journal.files()).hasSize(2); // update 1 still needs the first segment
		journal.release(1);
		StepVerifier.create(journal.flushed()).verifyComplete();
		assertThat(journal.files()).hasSize(1);
		assertThat(journal.unreleased()).isZero();
		journal.close().block();
	}

	@Test
	void aClosedJournalRefusesToWrite() {
		SendJournal journal = SendJournal.open(directory);
		journal.close().block();
		StepVerifier.create(journal.append(1, SENDING, 0)).expectError().verify();
	}

	@Test
	void forcesTheTailOfABurstWithinTheIntervalWithoutAFollowingWrite() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		SendJournal journal = SendJournal.open(directory, SendJournal.SEGMENT_RECORDS, time);
		StepVerifier.create(journal.append(1, SENDING, 0).then(journal.append(1, SENT, 0))).verifyComplete();
		assertThat(journal.forcing.forces.get()).isZero();

		time.advanceTimeBy(java.time.Duration.ofNanos(JournalForcing.EVERY)); // no write since the burst
		assertThat(journal.forcing.forces.get()).as("forced by the periodic check").isOne();
		time.advanceTimeBy(java.time.Duration.ofNanos(JournalForcing.EVERY * 5));
		assertThat(journal.forcing.forces.get()).as("nothing written since: nothing to force").isOne();

		StepVerifier.create(journal.append(2, SENDING, 0)).verifyComplete();
		time.advanceTimeBy(java.time.Duration.ofNanos(JournalForcing.EVERY));
		assertThat(journal.forcing.forces.get()).isEqualTo(2);
		journal.close().block();
	}

	@Test
	void makesEachNewSegmentDurableInItsDirectory() {
		SendJournal journal = SendJournal.open(directory, 1, Schedulers.newSingle("send-journal-test", true));
		assertThat(journal.directoryForces.get()).as("the first segment").isOne();
		StepVerifier.create(journal.append(1, SENDING, 0).then(journal.append(1, SENT, 0))).verifyComplete();
		assertThat(journal.directoryForces.get()).as("and the one the second record started").isEqualTo(2);
		journal.close().block();
	}

	@Test
	void skipsAndCountsACorruptRecordAndATornOneAndReadsTheRest() throws Exception {
		SendJournal first = SendJournal.open(directory);
		StepVerifier.create(first.append(1, SENT, 0).then(first.append(2, SENT, 0)).then(first.append(3, SENT, 0))
			.then(first.flushed())).verifyComplete();
		Path segment = first.files().get(0);
		try (var channel = java.nio.channels.FileChannel.open(segment, StandardOpenOption.WRITE)) {
			channel.write(ByteBuffer.wrap(new byte[] { 0x55 }), JournalRecord.BYTES + 3); // update 2's record
			channel.write(ByteBuffer.wrap(new byte[] { 0, 0, 0, 0, 0, 0, 0 }), 3L * JournalRecord.BYTES); // torn
		}

		SendJournal next = SendJournal.open(directory);
		assertThat(next.skipped).isEqualTo(2);
		assertThat(next.recovered(1).acknowledged()).isOne();
		assertThat(next.recovered(2)).as("its record is skipped").isEqualTo(SendHistory.NONE);
		assertThat(next.recovered(3).acknowledged()).as("read past the corrupt one").isOne();
		next.close().block();
	}

	@Test
	void aFailedWriteThatLeftHalfARecordIsOverwrittenByTheNext() throws Exception {
		SendJournal journal = SendJournal.open(directory);
		StepVerifier.create(journal.append(1, SENT, 0).then(journal.flushed())).verifyComplete();
		Path segment = journal.files().get(0);
		Files.write(segment, new byte[] { 1, 2, 3, 4, 5 }, StandardOpenOption.APPEND); // what a failed write left
		StepVerifier.create(journal.append(2, SENT, 0)).verifyComplete();

		SendJournal next = SendJournal.open(directory);
		assertThat(next.skipped).isZero();
		assertThat(next.recovered(2).acknowledged()).isOne();
		assertThat(Files.size(segment)).isEqualTo(2L * JournalRecord.BYTES);
	}

	@Test
	void readsSegmentsOfTheEarlierEightByteFormatAndNumbersNewOnesAfterThem() throws Exception {
		ByteBuffer old = ByteBuffer.allocate(3 * Long.BYTES).putLong(5).putLong(-5).putLong(6);
		Path version1 = directory.resolve("sends-000000000007.journal");
		Files.write(version1, old.array());

		SendJournal journal = SendJournal.open(directory);
		assertThat(journal.recovered(5)).isEqualTo(new SendHistory(1, 1, null));
		assertThat(journal.recovered(6)).isEqualTo(new SendHistory(1, 0, null));
		assertThat(journal.files()).extracting(path -> path.getFileName().toString())
			.containsExactly("sends-000000000007.journal", "sends-000000000008.journal2");

		StepVerifier.create(journal.forgetRecovered()).verifyComplete();
		assertThat(version1).doesNotExist();
		journal.close().block();
	}

	@Test
	void theJournalsOfOneProcessShareOneThread() {
		Path first = Scratch.directory("journal-a");
		List<SendJournal> journals = List.of(SendJournal.open(first),
				SendJournal.open(Scratch.directory("journal-b")), SendJournal.open(Scratch.directory("journal-c")));
		List<String> threads = new CopyOnWriteArrayList<>();
		StepVerifier.create(Flux.fromIterable(journals)
			.concatMap(journal -> journal.append(1, SENDING, 0).then(Mono.fromRunnable(
					() -> threads.add(Thread.currentThread().getName())))))
			.verifyComplete();

		assertThat(threads).hasSize(3).containsOnly(threads.get(0)).allMatch(name -> name.startsWith("send-journal-"));
		journals.forEach(journal -> journal.close().block());
		int files = journals.get(0).files().size();
		StepVerifier.create(journals.get(0).append(2, SENDING, 0)).as("a closed journal writes nothing more")
			.expectErrorMessage("the send journal in " + first + " is closed")
			.verify(Duration.ofSeconds(5));
		assertThat(journals.get(0).files()).hasSize(files);
		StepVerifier.create(SendJournal.open(Scratch.directory("journal-d")).append(1, SENDING, 0))
			.as("closing a journal leaves the shared thread to the others").expectComplete().verify(Duration.ofSeconds(5));
	}
}
