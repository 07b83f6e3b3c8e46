package io.analytips.ops.health;

import java.time.Duration;
import java.util.Map;

import io.analytips.host.BotHost;
import io.analytips.support.PipelineHarness;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PipelineHealthIndicatorTests {

	@Test
	void isDownUntilIntakeReceivesThenUpWithTheQueueAndDownWhenTheTokenIsRevoked() {
		try (PipelineHarness harness = PipelineHarness.builder().build()) {
			BotHost host = harness.host();
			PipelineHealthIndicator health = new PipelineHealthIndicator(host, () -> 3L);
			StepVerifier.create(health.health()).assertNext(h -> assertThat(h.getStatus()).isEqualTo(Status.DOWN)).verifyComplete();

			harness.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> health.health().block().getStatus().equals(Status.UP));
			StepVerifier.create(health.health())
				.assertNext(h -> {
					assertThat(h.getDetails()).containsEntry("intake", "receiving").containsKey("queue")
						.containsEntry("inboxBacklog", 3L);
					@SuppressWarnings("unchecked")
					Map<String, Object> queue = (Map<String, Object>) h.getDetails().get("queue");
					assertThat(queue).containsEntry("capacity", 1000).containsEntry("full", false);
				})
				.verifyComplete();

			host.tokenRefused("harness_bot", "Telegram answered 401 Unauthorized");
			StepVerifier.create(health.health())
				.assertNext(h -> {
					assertThat(h.getStatus()).isEqualTo(Status.DOWN);
					assertThat(h.getDetails().get("telegram").toString()).contains("token rejected");
				})
				.verifyComplete();
		}
	}

	@Test
	void aStandbyReplicaIsReadyAndSaysItStandsBy() {
		io.analytips.support.TestLeadership lead = new io.analytips.support.TestLeadership();
		try (PipelineHarness harness = PipelineHarness.builder().leadership(pool -> lead).build()) {
			PipelineHealthIndicator health = new PipelineHealthIndicator(harness.host(), () -> 0L);
			harness.start();
			StepVerifier.create(health.health())
				.assertNext(h -> {
					assertThat(h.getStatus()).isEqualTo(Status.UP);
					assertThat(h.getDetails()).containsEntry("intake", "standby");
				})
				.verifyComplete();
		}
	}

	@Test
	void saysTheBacklogIsUnknownWhenTheInboxCannotBeCounted() {
		try (PipelineHarness harness = PipelineHarness.builder().build()) {
			PipelineHealthIndicator health = new PipelineHealthIndicator(harness.host(), () -> -1L); // what the gauge holds while the database is down
			StepVerifier.create(health.health())
				.assertNext(h -> assertThat(h.getDetails()).containsEntry("inboxBacklog", -1L))
				.verifyComplete();
		}
	}
}
