package io.analytips.telegram;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls on the wire: counted while Telegram has not answered them, cleared once it has, whatever it said. */
class OutboundSchedulerWireTest extends OutboundFixture {

	@Test
	void theWireIsClearedOnceTheCallsSentAreAnswered() {
		OutboundScheduler scheduler = scheduler(30, 100);
		StepVerifier.create(scheduler.wireCleared()).verifyComplete(); // nothing sent: cleared at once
		answer(1, message -> Mono.delay(Duration.ofSeconds(5), time).thenReturn(sent(1)));
		answer(2, message -> Mono.delay(Duration.ofSeconds(2), time).thenReturn(sent(2)));
		StepVerifier.withVirtualTime(() -> Mono.when(send(scheduler, 1, 1), send(scheduler, 2, 1))
			.and(Mono.delay(Duration.ofMillis(1), time).then(Mono.defer(() -> {
				assertThat(scheduler.onTheWire()).isEqualTo(2);
				return scheduler.wireCleared().doOnSuccess(cleared -> assertThat(time.now(
						java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(5000L));
			}))), () -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(5))
			.verifyComplete();
		assertThat(scheduler.onTheWire()).isZero();
	}

	@Test
	void aFailedCallLeavesTheWireToo() {
		OutboundScheduler scheduler = scheduler(30, 100);
		answer(1, message -> Mono.error(new TelegramException(400, "Bad Request: chat not found", null, null)));
		StepVerifier.withVirtualTime(() -> send(scheduler, 1, 1), () -> time, Long.MAX_VALUE)
			.expectError()
			.verify();
		StepVerifier.create(scheduler.wireCleared()).verifyComplete();
	}
}
