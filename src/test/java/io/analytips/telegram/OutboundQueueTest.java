package io.analytips.telegram;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounded outbound queue: refuses past its capacity, keeps a chat's calls in order, frees its places. */
class OutboundQueueTest {

	private final OutboundQueue queue = new OutboundQueue(2);

	@Test
	void refusesACallBeyondItsCapacityAtOnceAndCountsIt() {
		Sinks.Empty<Void> first = Sinks.empty();
		Sinks.Empty<Void> second = Sinks.empty();
		queue.enqueue(1L, first.asMono()).subscribe();
		queue.enqueue(2L, second.asMono()).subscribe();
		StepVerifier.create(queue.enqueue(3L, Mono.just("never"))).expectError(OutboundOverflowException.class).verify();
		assertThat(queue.pending()).isEqualTo(2);
		assertThat(queue.refused()).isOne();

		first.tryEmitEmpty();
		assertThat(queue.pending()).isOne();
		StepVerifier.create(queue.enqueue(3L, Mono.just("sent"))).expectNext("sent").verifyComplete();
		second.tryEmitEmpty();
		assertThat(queue.pending()).isZero();
	}

	@Test
	void runsAChatsCallsOneAfterAnother() {
		Sinks.Empty<Void> first = Sinks.empty();
		queue.enqueue(1L, first.asMono()).subscribe();
		StepVerifier.create(queue.enqueue(1L, Mono.just("second")))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(50))
			.then(first::tryEmitEmpty)
			.expectNext("second")
			.verifyComplete();
	}

	@Test
	void callsWithoutAChatWaitForNobody() {
		Sinks.Empty<Void> first = Sinks.empty();
		queue.enqueue(null, first.asMono()).subscribe();
		StepVerifier.create(queue.enqueue(null, Mono.just("answer"))).expectNext("answer").verifyComplete();
	}

	@Test
	void aFailedOrCancelledCallFreesItsPlace() {
		StepVerifier.create(queue.enqueue(1L, Mono.error(new IllegalStateException("boom")))).expectError().verify();
		StepVerifier.create(queue.enqueue(1L, Mono.never())).expectSubscription().thenCancel().verify();
		assertThat(queue.pending()).isZero();
		StepVerifier.create(queue.enqueue(1L, Mono.empty())).verifyComplete();
	}
}
