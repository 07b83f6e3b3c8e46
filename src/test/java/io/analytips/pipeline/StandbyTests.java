package io.analytips.pipeline;

import java.time.Duration;

import io.analytips.support.FakeBotApi;
import io.analytips.support.PipelineHarness;
import io.analytips.support.Replying;
import io.analytips.support.TestLeadership;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pipeline whose process does not lead stands by: it answers nothing until it leads, stands by again when it loses
 * the lead, and a stop ends the wait and gives the lead up. The lead is scripted ({@link TestLeadership}); the
 * replicas sharing one database are {@link ReplicaIntegrationTests}.
 */
class StandbyTests {

	@Test
	void aStandbyAnswersNothingUntilItLeadsAndStandsByAgainWhenItLosesTheLead() {
		TestLeadership lead = new TestLeadership();
		try (PipelineHarness replica = PipelineHarness.builder().handlers(new Replying.Echo()).leadership(pool -> lead)
			.build()) {
			replica.telegram.enqueue(Updates.message(1, "first"));
			replica.start();

			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> replica.telegram.messages()
				.isEmpty() && replica.telegram.calls("getUpdates").isEmpty());
			assertThat(replica.pipeline.isRunning()).as("standing by").isTrue();
			assertThat(replica.pipeline.leading()).isFalse();

			lead.grant();
			await().atMost(Duration.ofSeconds(10)).until(() -> replica.telegram.messages().size() == 1);
			assertThat(replica.pipeline.leading()).isTrue();

			lead.lose();
			await().atMost(Duration.ofSeconds(5)).until(() -> !replica.pipeline.leading());
			assertThat(replica.pipeline.isRunning()).as("standing by again").isTrue();
			replica.telegram.enqueue(Updates.message(1, "second"));
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
				.until(() -> replica.telegram.messages().size() == 1);

			lead.grant();
			await().atMost(Duration.ofSeconds(10)).until(() -> replica.telegram.messages().size() == 2);
			assertThat(replica.telegram.messages()).extracting(FakeBotApi.Call::text)
				.containsExactly("echo: first", "echo: second");
		}
	}

	@Test
	void aPipelineStartedWhileItsProcessLeadsAlreadyLeadsAtOnceAndItsStopDrains() {
		TestLeadership lead = new TestLeadership();
		lead.grant(); // another bot of this process won the lead: this pipeline's wait is over before it starts
		try (PipelineHarness replica = PipelineHarness.builder().handlers(new Replying.Echo()).leadership(pool -> lead)
			.build()) {
			replica.telegram.enqueue(Updates.message(1, "first"));
			replica.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> replica.telegram.messages().size() == 1);

			replica.stopAndWait(Duration.ofSeconds(20));

			assertThat(replica.pipeline.isRunning()).isFalse();
			replica.telegram.enqueue(Updates.message(1, "after the stop"));
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
				.until(() -> replica.telegram.messages().size() == 1);
		}
	}

	@Test
	void aStopWhileStandingByEndsTheWaitAndGivesTheLeadUp() {
		TestLeadership lead = new TestLeadership();
		try (PipelineHarness replica = PipelineHarness.builder().handlers(new Replying.Echo()).leadership(pool -> lead)
			.build()) {
			replica.start();
			assertThat(replica.pipeline.isRunning()).isTrue();

			replica.stopAndWait(Duration.ofSeconds(10));

			assertThat(replica.pipeline.isRunning()).isFalse();
			assertThat(lead.released()).isEqualTo(1);
			lead.grant();
			assertThat(replica.pipeline.leading()).as("a stopped replica does not start when the lead comes").isFalse();
		}
	}
}
