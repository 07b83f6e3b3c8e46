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
 * Bots added to a running host and removed from it: an added bot answers and is kept, a removed one stops alone and
 * takes its meters along; a token Telegram refuses, a bot hosted already, or no key to keep tokens with, adds none.
 */
class BotHostChangesTests extends RunningHost {

	@Test
	void aBotAddedWhileRunningAnswersAndOneRemovedStopsAlone() {
		FakeBotApi telegram = fake();
		MemoryVault kept = new MemoryVault();
		start(new HostFixture(telegram, 100, 8), List.of(ALPHA), echo(Duration.ZERO), kept);
		FakeBot alpha = telegram.bot(ALPHA);
		FakeBot beta = telegram.bot(BETA);

		StepVerifier.create(host.add(BETA, "test"))
			.assertNext(bot -> assertThat(bot.username()).isEqualTo("beta_bot"))
			.verifyComplete();
		beta.enqueue(Updates.message(801, "new here"));
		await().atMost(WAIT).until(() -> beta.messagesTo(801).size() == 1);
		assertThat(kept.rows).containsKey("beta_bot");

		StepVerifier.create(host.remove("@BETA_BOT"))
			.assertNext(bot -> assertThat(bot.state()).isEqualTo(BotState.STOPPED))
			.verifyComplete();
		assertThat(kept.rows).isEmpty();
		beta.enqueue(Updates.message(802, "anyone?"));
		alpha.enqueue(Updates.message(803, "alpha still?"));
		await().atMost(WAIT).until(() -> alpha.messagesTo(803).size() == 1);
		assertThat(beta.messagesTo(802)).isEmpty();
		assertThat(host.bots()).extracting(HostedBot::username).containsExactly("alpha_bot");
	}

	@Test
	void refusesToAddATokenTelegramRefusesOrABotHostedAlready() {
		FakeBotApi telegram = fake();
		telegram.bot(GAMMA).revoke();
		start(new HostFixture(telegram, 100, 8), List.of(ALPHA), echo(Duration.ZERO), new MemoryVault());

		StepVerifier.create(host.add(GAMMA, "test"))
			.expectErrorSatisfies(error -> assertThat(BotFactory.refusesToken(error)).isTrue())
			.verify(WAIT);
		StepVerifier.create(host.add(ALPHA, "test")).expectError(IllegalStateException.class).verify(WAIT);
		StepVerifier.create(host.add("nonsense", "test")).expectError(IllegalArgumentException.class).verify(WAIT);
		StepVerifier.create(host.remove("nobody_bot")).verifyComplete();
	}

	@Test
	void withoutAKeyNoBotCanBeAdded() {
		FakeBotApi telegram = fake();
		start(new HostFixture(telegram, 100, 8), List.of(ALPHA), echo(Duration.ZERO), BotVault.NONE);

		assertThat(host.canAdd()).isFalse();
		StepVerifier.create(host.add(BETA, "test"))
			.expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("BOTS_TOKEN_KEY"))
			.verify(WAIT);
	}

	@Test
	void eachBotsMetersCarryItsNameAndLeaveWithIt() {
		FakeBotApi telegram = fake();
		MemoryVault kept = new MemoryVault();
		start(new HostFixture(telegram, 100, 8), List.of(ALPHA), echo(Duration.ZERO), kept);
		StepVerifier.create(host.add(BETA, "test")).expectNextCount(1).verifyComplete();

		assertThat(fixture.meters.find("analytips.queue.capacity").tag("bot", "beta_bot").gauge()).isNotNull();
		assertThat(fixture.meters.find("analytips.queue.capacity").tag("bot", "alpha_bot").gauge()).isNotNull();

		StepVerifier.create(host.remove("beta_bot")).expectNextCount(1).verifyComplete();
		assertThat(fixture.meters.find("analytips.queue.capacity").tag("bot", "beta_bot").gauge()).isNull();
		assertThat(fixture.meters.find("analytips.queue.capacity").tag("bot", "alpha_bot").gauge()).isNotNull();
	}
}
