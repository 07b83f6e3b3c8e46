package io.analytips.pipeline.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.common.SendRecord;
import io.analytips.pipeline.Outcome;
import io.analytips.support.Scratch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The first message of each update, recorded before it goes and once it arrived; at most the window's size in between. */
class SendWindowTest {

	private final Path directory = Scratch.directory("send-journal");

	private final SendJournal journal = SendJournal.open(directory);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final SendWindow window = new SendWindow(journal, 1, registry);

	/** What a start would read now: once the journal wrote what was queued. */
	private SendProgress afterACrash(long updateId) {
		journal.flushed().block();
		return SendJournal.open(directory).recovered(updateId).progress();
	}

	@Test
	void recordsThatTheFirstMessageWentAndArrived() {
		SendRecord sends = window.forUpdate(7);
		StepVerifier.create(sends.around(Mono.just("sent"))).expectNext("sent").verifyComplete();
		assertThat(afterACrash(7)).isEqualTo(SendProgress.SENT);
		assertThat(registry.get("analytips.outbound.record.lag").timer().count()).isEqualTo(1);
		assertThat(window.unrecorded()).isZero();
	}

	@Test
	void aFirstMessageThatFailedLeavesItStartedAndItsRetryIsRecordedAgain() {
		SendRecord sends = window.forUpdate(8);
		StepVerifier.create(sends.around(Mono.error(new IllegalStateException("502")))).verifyErrorMessage("502");
		assertThat(afterACrash(8)).isEqualTo(SendProgress.SENDING);
		StepVerifier.create(sends.around(Mono.just("retried"))).expectNext("retried").verifyComplete();
		assertThat(afterACrash(8)).isEqualTo(SendProgress.SENT);
	}

	@Test
	void everyPartOfTheUpdateIsRecordedAndLaterOnesTakeNoPlaceInTheWindow() {
		SendRecord sends = window.forUpdate(9);
		Sinks.One<String> firstOfAnother = Sinks.one();
		// The window (size 1) is taken by another update's first message on the wire: later parts still go.
		window.forUpdate(90).around(firstOfAnother.asMono()).subscribe();
		StepVerifier.create(sends.around(Mono.just("first")))
			.expectSubscription()
			.then(() -> firstOfAnother.tryEmitValue("arrived"))
			.expectNext("first")
			.verifyComplete();
		AtomicInteger subscribed = new AtomicInteger();
		window.forUpdate(91).around(Sinks.<String>one().asMono()).subscribe(); // holds the window from now on
		StepVerifier.create(sends.around(Mono.fromSupplier(() -> "second" + subscribed.incrementAndGet())))
			.expectNext("second1")
			.verifyComplete();
		StepVerifier.create(sends.around(Mono.just("third"))).expectNext("third").verifyComplete();

		journal.flushed().block();
		assertThat(SendJournal.open(directory).recovered(9)).isEqualTo(new SendHistory(3, 3, null));
		assertThat(registry.get("analytips.outbound.record.lag").timer().count()).as("first messages").isEqualTo(2);
	}

	@Test
	void theEndOfAnUpdateThatSentIsRecordedWithItsOutcome() {
		SendWindow.Sends sends = window.forUpdate(12);
		StepVerifier.create(sends.around(Mono.just("sent")).then(sends.ended(Outcome.FAILED))).verifyComplete();
		journal.flushed().block();
		assertThat(SendJournal.open(directory).recovered(12)).isEqualTo(new SendHistory(1, 1, Outcome.FAILED));
	}

	@Test
	void theEndOfAnUpdateThatSentNothingWritesNothing() {
		StepVerifier.create(window.forUpdate(13).ended(Outcome.DONE)).verifyComplete();
		assertThat(journal.unreleased()).isZero();
	}

	@Test
	void theSenderGoesOnOffTheJournalsThread() {
		SendJournal own = SendJournal.open(Scratch.directory("send-journal"), SendJournal.SEGMENT_RECORDS,
				Schedulers.newSingle("send-journal-test", true));
		SendWindow onParallel = new SendWindow(own, 4, registry, Schedulers.parallel());
		SendRecord sends = onParallel.forUpdate(14);
		Mono<String> send = Mono.fromSupplier(() -> Thread.currentThread().getName());

		StepVerifier.create(sends.around(send).map(sentFrom -> sentFrom + " " + Thread.currentThread().getName()))
			.assertNext(threads -> assertThat(threads.split(" ")).allSatisfy(
					thread -> assertThat(thread).doesNotStartWith("send-journal").startsWith("parallel")))
			.verifyComplete();
		StepVerifier.create(sends.around(send).map(sentFrom -> sentFrom + " " + Thread.currentThread().getName()))
			.assertNext(threads -> assertThat(threads).doesNotContain("send-journal"))
			.verifyComplete();
		own.close().block();
	}

	@Test
	void aFullWindowHoldsTheNextFirstMessageUntilThePreviousOneIsRecorded() {
		Sinks.One<String> onTheWire = Sinks.one();
		StepVerifier.create(window.forUpdate(10).around(onTheWire.asMono()))
			.then(() -> StepVerifier.create(window.forUpdate(11).around(Mono.just("waited")))
				.expectSubscription()
				.expectNoEvent(Duration.ofMillis(200)) // the window (size 1) is taken by update 10
				.then(() -> onTheWire.tryEmitValue("arrived"))
				.expectNext("waited")
				.expectComplete()
				.verify(Duration.ofSeconds(5)))
			.expectNext("arrived")
			.verifyComplete();
	}

	@Test
	void withReplicasThePlaceIsGivenBackOnlyOnceTheSuccessorCanReadThatTheMessageArrived() {
		Sinks.Empty<Void> markWritten = Sinks.empty();
		java.util.List<Long> marked = new java.util.concurrent.CopyOnWriteArrayList<>();
		SendWindow shared = new SendWindow(journal, 1, registry,
				updateId -> markWritten.asMono().doOnSuccess(done -> marked.add(updateId)));
		StepVerifier.create(shared.forUpdate(20).around(Mono.just("arrived")))
			.then(() -> StepVerifier.create(shared.forUpdate(21).around(Mono.just("waited")))
				.expectSubscription()
				.expectNoEvent(Duration.ofMillis(200)) // update 20 holds the only place until its mark is durable
				.then(markWritten::tryEmitEmpty)
				.expectNext("waited")
				.expectComplete()
				.verify(Duration.ofSeconds(5)))
			.expectNext("arrived")
			.verifyComplete();
		assertThat(marked).containsExactly(20L, 21L);
	}

	@Test
	void aMarkThatCannotBeWrittenIsCountedAndTheMessageStillCounts() {
		SendWindow shared = new SendWindow(journal, 1, registry,
				updateId -> Mono.error(new IllegalStateException("database down")));
		StepVerifier.create(shared.forUpdate(22).around(Mono.just("arrived"))).expectNext("arrived").verifyComplete();
		assertThat(registry.get("analytips.outbound.unrecorded.sends").counter().count()).isEqualTo(1);
		StepVerifier.create(shared.forUpdate(23).around(Mono.just("next"))).expectNext("next").verifyComplete();
	}

	@Test
	void withoutARecordInItsContextAMessageGoesAsItIs() {
		StepVerifier.create(SendRecord.recorded(reactor.util.context.Context.empty(), Mono.just("plain")))
			.expectNext("plain")
			.verifyComplete();
		StepVerifier.create(SendRecord.recorded(reactor.util.context.Context.empty(), Mono.<String>empty())).verifyComplete();
	}
}
