package io.analytips.host;

import java.time.Duration;
import java.util.List;

import io.analytips.support.FakeBot;
import io.analytips.support.FakeBotApi;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several bots in one host, each on a token of its own on one fake Bot API: each answers its own users through its
 * own token, and none can take another down (a refused token, a flood, a 429).
 */
class BotHostTests extends RunningHost {

	@Test
	void eachBotAnswersItsOwnUsersThroughItsOwnToken() {
		FakeBotApi telegram = fake();
		start(new HostFixture(telegram, 100, 8), List.of(ALPHA, BETA), echo(Duration.ZERO), BotVault.NONE);
		FakeBot alpha = telegram.bot(ALPHA);
		FakeBot beta = telegram.bot(BETA);

		// the same update id and user id at both bots: each bot's state is its own
		alpha.enqueue(Updates.message(501, "hello").put("update_id", 1));
		beta.enqueue(Updates.message(501, "hello").put("update_id", 1));

		await().atMost(WAIT).until(() -> alpha.messagesTo(501).size() == 1 && beta.messagesTo(501).size() == 1);
		assertThat(alpha.messagesTo(501).get(0).text()).isEqualTo("@alpha_bot: hello");
		assertThat(beta.messagesTo(501).get(0).text()).isEqualTo("@beta_bot: hello");
		assertThat(host.bots()).extracting(HostedBot::username).containsExactly("alpha_bot", "beta_bot");
	}

	@Test
	void startsTheValidTokensAndNamesTheRefusedOne() {
		FakeBotApi telegram = fake();
		telegram.bot(GAMMA).revoke();
		fixture = new HostFixture(telegram, 100, 8);
		host = fixture.host(List.of(ALPHA, GAMMA, "not-a-token"), List.of(echo(Duration.ZERO)), BotVault.NONE);

		StepVerifier.create(host.check())
			.assertNext(checks -> {
				assertThat(checks).extracting(TokenCheck::valid).containsExactly(true, false, false);
				assertThat(checks.get(1).describe()).startsWith("token 2 (700003:<secret>) is invalid: ")
					.contains("401").doesNotContain("gamma-token");
				assertThat(checks.get(2).describe()).startsWith("token 3 is invalid: not a bot token");
			})
			.verifyComplete();
		host.start();

		assertThat(host.bots()).extracting(HostedBot::username).containsExactly("alpha_bot");
	}

	@Test
	void aTokenRefusedWhileRunningStopsThatBotAloneAndTheOthersAnswerOn() {
		FakeBotApi telegram = fake();
		start(new HostFixture(telegram, 100, 8), List.of(ALPHA, BETA), echo(Duration.ZERO), BotVault.NONE);
		FakeBot alpha = telegram.bot(ALPHA);
		FakeBot beta = telegram.bot(BETA);

		alpha.revoke();
		await().atMost(WAIT).until(() -> host.find("alpha_bot").orElseThrow().state() == BotState.UNAUTHORIZED);
		beta.enqueue(Updates.message(601, "still there?"));

		await().atMost(WAIT).until(() -> beta.messagesTo(601).size() == 1);
		assertThat(host.find("alpha_bot").orElseThrow().problem()).contains("401");
		assertThat(host.find("beta_bot").orElseThrow().state()).isEqualTo(BotState.RUNNING);
	}

	@Test
	void aFloodedBotsBurstWaitsAtTelegramWhileTheOthersFlow() {
		FakeBotApi telegram = fake();
		// each bot: 10 places in its buffer, 2 handled at once, 300 ms a message
		start(new HostFixture(telegram, 10, 2), List.of(ALPHA, BETA), echo(Duration.ofMillis(300)), BotVault.NONE);
		FakeBot alpha = telegram.bot(ALPHA);
		FakeBot beta = telegram.bot(BETA);

		for (int user = 1; user <= 100; user++) {
			alpha.enqueue(Updates.message(10_000 + user, "flood"));
		}
		for (int user = 1; user <= 4; user++) {
			beta.enqueue(Updates.message(20_000 + user, "calm"));
		}

		await().atMost(WAIT).until(() -> beta.messages().size() == 4);
		assertThat(beta.messages()).extracting(FakeBotApi.Call::text).containsOnly("@beta_bot: calm");
		assertThat(host.find("beta_bot").orElseThrow().pipeline().stats().rejected()).isZero();
		// alpha fetches only what its share of the buffer holds: the rest of its burst waits at Telegram, refused never
		assertThat(alpha.unconfirmed()).as("still at Telegram or in alpha's hands").isPositive();
		await().atMost(Duration.ofSeconds(60)).until(() -> alpha.messages().size() == 100);
		assertThat(alpha.messages()).extracting(FakeBotApi.Call::text).containsOnly("@alpha_bot: flood");
		assertThat(host.find("alpha_bot").orElseThrow().pipeline().stats().rejected()).isZero();
	}

	@Test
	void aBotPausedByTelegramDelaysOnlyItsOwnMessages() {
		FakeBotApi telegram = fake();
		start(new HostFixture(telegram, 100, 8), List.of(ALPHA, BETA), echo(Duration.ZERO), BotVault.NONE);
		FakeBot alpha = telegram.bot(ALPHA);
		FakeBot beta = telegram.bot(BETA);
		alpha.when("sendMessage").retryAfter(5).times(1);

		alpha.enqueue(Updates.message(701, "first"));
		await().atMost(WAIT).until(() -> alpha.messagesTo(701).size() == 1); // the refused attempt
		long paused = System.nanoTime();
		beta.enqueue(Updates.message(702, "meanwhile"));

		await().atMost(WAIT).until(() -> beta.messagesTo(702).size() == 1);
		assertThat(Duration.ofNanos(System.nanoTime() - paused)).isLessThan(Duration.ofSeconds(4));
		assertThat(alpha.messagesTo(701)).hasSize(1); // still paused
		await().atMost(WAIT).until(() -> alpha.messagesTo(701).size() == 2); // sent after its 5 s
	}

	@Test
	void theBotsShareTheDeploymentsBufferEvenly() {
		FakeBotApi telegram = fake();
		start(new HostFixture(telegram, 1000, 8), List.of(ALPHA, BETA), echo(Duration.ZERO), BotVault.NONE);

		assertThat(host.bots()).allSatisfy(bot -> assertThat(bot.pipeline().stats().capacity()).isEqualTo(500));
	}

	@Test
	void eachBotHasTelegramsGlobalRateToItself() {
		FakeBotApi telegram = fake();
		// 5 messages a second per bot: 15 to each bot's users take each bot 2 s alone, and 5 s if the rate were shared
		start(new HostFixture(telegram, 100, 32, 5), List.of(ALPHA, BETA), echo(Duration.ZERO), BotVault.NONE);
		FakeBot alpha = telegram.bot(ALPHA);
		FakeBot beta = telegram.bot(BETA);

		long queued = System.nanoTime();
		for (int user = 1; user <= 15; user++) {
			alpha.enqueue(Updates.message(30_000 + user, "a"));
			beta.enqueue(Updates.message(40_000 + user, "b"));
		}

		await().atMost(WAIT).until(() -> alpha.messages().size() == 15 && beta.messages().size() == 15);
		long last = Math.max(alpha.messages().get(14).atNanos(), beta.messages().get(14).atNanos());
		assertThat(Duration.ofNanos(last - queued)).isLessThan(Duration.ofSeconds(4));
	}
}
