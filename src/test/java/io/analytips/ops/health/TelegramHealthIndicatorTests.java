package io.analytips.ops.health;

import java.time.Duration;

import io.analytips.host.BotHost;
import io.analytips.support.PipelineHarness;
import io.analytips.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TelegramHealthIndicatorTests {

	@Test
	void isUpWhileReceivingWithTheTimeSinceTheLastUpdatesAndDownOnceTheTokenIsRejected() {
		try (PipelineHarness harness = PipelineHarness.builder().build()) {
			BotHost host = harness.host();
			TelegramHealthIndicator health = new TelegramHealthIndicator(host, TestClock.running());
			StepVerifier.create(health.health())
				.assertNext(h -> {
					assertThat(h.getStatus()).isEqualTo(Status.UP);
					assertThat(h.getDetails()).containsEntry("intake", "idle").doesNotContainKey("lastReceivedSecondsAgo");
				})
				.verifyComplete();
			harness.start();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> health.health().block().getDetails().containsKey("lastReceivedSecondsAgo"));
			StepVerifier.create(health.health())
				.assertNext(h -> {
					assertThat(h.getStatus()).isEqualTo(Status.UP);
					assertThat(h.getDetails()).containsEntry("intake", "receiving").containsEntry("tokenRejected", false);
				})
				.verifyComplete();
			host.tokenRefused("harness_bot", "Telegram answered 401 Unauthorized");
			StepVerifier.create(health.health())
				.assertNext(h -> {
					assertThat(h.getStatus()).isEqualTo(Status.DOWN);
					assertThat(h.getDetails()).containsEntry("tokenRejected", true);
				})
				.verifyComplete();
		}
	}
}
