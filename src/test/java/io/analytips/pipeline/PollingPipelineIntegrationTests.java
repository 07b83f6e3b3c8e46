package io.analytips.pipeline;

import java.time.Duration;
import java.util.Map;

import io.analytips.support.PipelineHarness;
import io.analytips.support.Replying;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The pipeline end to end: fake Bot API, long polling, PostgreSQL inbox, handlers, outbound scheduler. */
class PollingPipelineIntegrationTests {

	@Test
	void answersFiveHundredUpdatesFromAHundredUsersAndFinishesEveryOne() {
		Replying.Echo echo = new Replying.Echo();
		try (PipelineHarness harness = PipelineHarness.builder().handlers(echo).globalRate(1000).chatBurst(5).build()) {
			for (int i = 0; i < 500; i++) {
				harness.telegram.enqueue(Updates.message(1000 + i % 100, "hello " + i));
			}
			harness.start();

			await().atMost(Duration.ofSeconds(60)).until(() -> harness.telegram.messages().size() >= 500);
			await().atMost(Duration.ofSeconds(10)).until(() -> harness.outcomes().getOrDefault("done", 0L) == 500);

			assertThat(harness.telegram.messages()).hasSize(500);
			assertThat(harness.outcomes()).isEqualTo(Map.of("done", 500L));
			assertThat(echo.handled).hasValue(500);
			harness.stopAndWait(Duration.ofSeconds(30));
			assertThat(harness.telegram.unconfirmed()).isZero();
		}
	}

	@Test
	void keepsEachChatsRepliesInOrder() {
		Replying.Echo echo = new Replying.Echo();
		try (PipelineHarness harness = PipelineHarness.builder().handlers(echo).globalRate(1000).chatBurst(10).build()) {
			for (int i = 0; i < 10; i++) {
				for (long user = 1; user <= 20; user++) {
					harness.telegram.enqueue(Updates.message(user, "n" + i));
				}
			}
			harness.start();
			await().atMost(Duration.ofSeconds(60)).until(() -> harness.telegram.messages().size() >= 200);

			for (long user = 1; user <= 20; user++) {
				assertThat(harness.telegram.messagesTo(user)).extracting(FakeText::of)
					.containsExactly("echo: n0", "echo: n1", "echo: n2", "echo: n3", "echo: n4", "echo: n5",
							"echo: n6", "echo: n7", "echo: n8", "echo: n9");
			}
		}
	}

	/** Reads a recorded call's text. */
	private static final class FakeText {

		static String of(io.analytips.support.FakeBotApi.Call call) {
			return call.text();
		}
	}
}
