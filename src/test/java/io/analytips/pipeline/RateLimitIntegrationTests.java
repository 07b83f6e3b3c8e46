package io.analytips.pipeline;

import java.time.Duration;

import io.analytips.support.PipelineHarness;
import io.analytips.support.Replying;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The per-user sliding window through the whole pipeline. */
class RateLimitIntegrationTests {

	@Test
	void oneUserSendingTwentyFiveCommandsGetsTenHandledOneNoticeAndFourteenSilentLimits() {
		Replying.Echo echo = new Replying.Echo();
		try (PipelineHarness harness = PipelineHarness.builder().handlers(echo).chatBurst(20).build()) {
			for (int i = 0; i < 25; i++) {
				harness.telegram.enqueue(Updates.message(77, "/help " + i));
			}
			harness.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> harness.count(null, null) == 0
					&& harness.count("done", null) + harness.count("rate_limited", null) == 25);

			assertThat(echo.handled).hasValue(10);
			assertThat(harness.count("done", null)).isEqualTo(10);
			assertThat(harness.count("rate_limited", "notified")).isEqualTo(1);
			assertThat(harness.count("rate_limited", "silent")).isEqualTo(14);
			await().atMost(Duration.ofSeconds(10)).until(() -> harness.telegram.messagesTo(77).size() == 11);
			assertThat(harness.telegram.messagesTo(77).stream().filter(m -> m.text().equals("RATE LIMITED")))
				.hasSize(1);
		}
	}

	@Test
	void aLimitedCallbackQueryIsAlwaysAnsweredWithAnAlert() {
		try (PipelineHarness harness = PipelineHarness.builder().handlers(new Replying.Echo()).rateLimit(1, Duration.ofSeconds(60)).build()) {
			harness.telegram.enqueue(Updates.message(5, "/start"));
			for (int i = 0; i < 3; i++) {
				harness.telegram.enqueue(Updates.callback(5, "x" + i));
			}
			harness.start();
			await().atMost(Duration.ofSeconds(20)).until(() -> harness.telegram.calls("answerCallbackQuery").size() == 3);
			assertThat(harness.telegram.calls("answerCallbackQuery"))
				.allSatisfy(call -> {
					assertThat(call.body().path("show_alert").asBoolean()).isTrue();
					assertThat(call.body().path("text").asString()).isEqualTo("RATE LIMITED");
				});
			await().atMost(Duration.ofSeconds(10)).until(() -> harness.count("rate_limited", null) == 3);
		}
	}

	@Test
	void menuPressesHaveTheirOwnLargerAllowanceWhileCommandsKeepTheirs() {
		Replying.Echo echo = new Replying.Echo();
		Replying.Menu menu = new Replying.Menu();
		// All 42 arrive in one poll and wait in the chat's lane together: more than the 20 a chat may hold by default.
		try (PipelineHarness harness = PipelineHarness.builder().handlers(menu, echo).chatBurst(100).chatBacklog(50).build()) {
			for (int i = 0; i < 10; i++) {
				harness.telegram.enqueue(Updates.message(78, "/analysis " + i));
			}
			for (int i = 0; i < 31; i++) {
				harness.telegram.enqueue(Updates.callback(78, "menu" + i));
			}
			harness.telegram.enqueue(Updates.message(78, "/analysis 10"));
			harness.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> harness.count(null, null) == 0
					&& harness.count("done", null) + harness.count("rate_limited", null) == 42);

			// Ten commands (the work limit) and thirty presses (the navigation allowance) in the same minute.
			assertThat(echo.handled).hasValue(10);
			assertThat(menu.handled).hasValue(30);
			assertThat(harness.count("rate_limited", null)).isEqualTo(2);
			await().atMost(Duration.ofSeconds(10)).until(() -> harness.telegram.calls("answerCallbackQuery").stream()
				.anyMatch(call -> call.body().path("show_alert").asBoolean()));
			assertThat(harness.telegram.calls("answerCallbackQuery"))
				.filteredOn(call -> call.body().path("show_alert").asBoolean())
				.singleElement()
				.satisfies(call -> assertThat(call.body().path("text").asString()).isEqualTo("RATE LIMITED"));
		}
	}
}
