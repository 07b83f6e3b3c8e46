package io.analytips.pipeline;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.analytips.support.PipelineHarness;
import io.analytips.support.Replying;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second SIGTERM ({@link UpdatePipeline#abortDrain()}): the drain ends at once instead of at its
 * deadline, and what is unfinished stays in the inbox for the next start.
 */
class SecondSignalIntegrationTests {

	@Test
	void aSecondSignalEndsTheDrainAtOnceAndLeavesTheUnfinishedForTheNextStart() throws InterruptedException {
		Replying.Gate gate = new Replying.Gate();
		try (PipelineHarness harness = PipelineHarness.builder().handlers(gate).drain(Duration.ofSeconds(60)).build()) {
			for (int chat = 1; chat <= 3; chat++) {
				harness.telegram.enqueue(Updates.message(chat, "/slow"));
			}
			harness.start();
			await().atMost(Duration.ofSeconds(20)).until(() -> gate.started.get() == 3);

			CountDownLatch stopped = new CountDownLatch(1);
			harness.pipeline.stop(stopped::countDown);
			assertThat(stopped.await(500, TimeUnit.MILLISECONDS)).as("still draining before the second signal").isFalse();
			long aborted = System.nanoTime();
			harness.pipeline.abortDrain();

			// Far inside the 60 s deadline: the wire grace (1 s) and the outcome flush, on a busy machine.
			assertThat(stopped.await(15, TimeUnit.SECONDS)).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - aborted)).isLessThan(Duration.ofSeconds(15));
			assertThat(harness.count(null, null)).isEqualTo(3);
			assertThat(harness.telegram.messages()).isEmpty();
		}
	}
}
