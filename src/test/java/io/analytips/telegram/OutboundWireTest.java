package io.analytips.telegram;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls on the wire, and the hold that keeps new messages off it at the end of a drain. */
class OutboundWireTest {

	private final OutboundWire wire = new OutboundWire();

	@Test
	void countsACallOnTheWireUntilItIsAnsweredAndThenIsCleared() {
		Sinks.One<String> answer = Sinks.one();
		StepVerifier.create(wire.send(true, answer::asMono))
			.expectSubscription()
			.then(() -> assertThat(wire.count()).isOne())
			.then(() -> StepVerifier.create(wire.cleared()).expectSubscription().expectNoEvent(Duration.ofMillis(20))
				.thenCancel().verify())
			.then(() -> answer.tryEmitValue("ok"))
			.expectNext("ok")
			.verifyComplete();
		assertThat(wire.count()).isZero();
		StepVerifier.create(wire.cleared()).verifyComplete();
	}

	@Test
	void aFailedCallLeavesTheWire() {
		StepVerifier.create(wire.send(true, () -> Mono.error(new IllegalStateException("reset")))).expectError().verify();
		assertThat(wire.count()).isZero();
	}

	@Test
	void onceHeldAMessageNeverGoesButACallbackAnswerStillDoes() {
		wire.hold();
		StepVerifier.create(wire.send(true, () -> Mono.just("message")))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(50))
			.thenCancel()
			.verify();
		StepVerifier.create(wire.send(false, () -> Mono.just("answer"))).expectNext("answer").verifyComplete();
		assertThat(wire.count()).isZero();
	}
}
