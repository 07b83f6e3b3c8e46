package io.analytips.common;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** A per-update deadline: the value or the emptiness as they come, a timeout that says what ran out of time. */
class TimeoutsTest {

	@Test
	void passesOnAValueThatComesInTime() {
		StepVerifier.withVirtualTime(() -> Mono.delay(Duration.ofSeconds(4)).map(tick -> "answer")
			.transform(Timeouts.within(Duration.ofSeconds(5), "sendMessage")))
			.thenAwait(Duration.ofSeconds(4))
			.expectNext("answer")
			.verifyComplete();
	}

	@Test
	void passesOnAnEmptyEndInTime() {
		StepVerifier.withVirtualTime(() -> Mono.delay(Duration.ofSeconds(1)).then()
			.transform(Timeouts.within(Duration.ofSeconds(5), "sendMessage")))
			.thenAwait(Duration.ofSeconds(1))
			.verifyComplete();
	}

	@Test
	void passesOnAnErrorInTime() {
		StepVerifier.create(Mono.error(new IllegalStateException("refused"))
			.transform(Timeouts.within(Duration.ofSeconds(5), "sendMessage")))
			.verifyErrorMessage("refused");
	}

	@Test
	void cancelsWhatRunsPastTheLimitAndSaysWhatTimedOut() {
		StepVerifier.withVirtualTime(() -> Mono.never().transform(Timeouts.within(Duration.ofSeconds(5), "sendMessage")))
			.thenAwait(Duration.ofSeconds(5))
			.expectErrorSatisfies(error -> org.assertj.core.api.Assertions.assertThat(error)
				.isInstanceOf(TimeoutException.class)
				.hasMessage("sendMessage did not end within 5000 ms"))
			.verify();
	}
}
