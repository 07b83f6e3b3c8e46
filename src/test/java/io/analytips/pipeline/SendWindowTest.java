package io.analytips.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.common.SendRecord;
import io.analytips.support.Scratch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
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
		return SendJournal.open(directory).recovered(updateId);
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
	void laterMessagesOfTheUpdateGoAsTheyAre() {
		SendRecord sends = window.forUpdate(9);
		AtomicInteger subscribed = new AtomicInteger();
		Mono<String> second = Mono.fromSupplier(() -> "second" + subscribed.incrementAndGet());
		StepVerifier.create(sends.around(Mono.just("first"))).expectNext("first").verifyComplete();
		StepVerifier.create(sends.around(second)).expectNext("second1").verifyComplete();
		assertThat(registry.get("analytips.outbound.record.lag").timer().count()).isEqualTo(1);
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
