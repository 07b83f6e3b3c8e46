package io.analytips.host;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BotFactoryTest {

	@Test
	void eachBotsWebhookSecretIsItsOwnStableAndShapedAsTelegramAllows() {
		String alpha = BotFactory.derivedSecret("deployment-secret", 700001);
		String beta = BotFactory.derivedSecret("deployment-secret", 700002);

		assertThat(alpha).isNotEqualTo(beta).matches("[A-Za-z0-9_-]{43}");
		assertThat(BotFactory.derivedSecret("deployment-secret", 700001)).isEqualTo(alpha);
		assertThat(BotFactory.derivedSecret("another-secret", 700001)).isNotEqualTo(alpha);
		assertThat(BotFactory.derivedSecret("", 700001)).isEmpty();
	}

	@Test
	void theFirstBotKeepsTheConfiguredWebhookUrlAndTheOthersAddTheirName() {
		URI base = URI.create("https://bots.example.org/telegram/webhook");

		assertThat(BotFactory.webhookUrlOf(base, "alpha_bot", true)).isEqualTo(base);
		assertThat(BotFactory.webhookUrlOf(base, "beta_bot", false))
			.isEqualTo(URI.create("https://bots.example.org/telegram/webhook/beta_bot"));
		assertThat(BotFactory.webhookUrlOf(URI.create("https://x/hook/"), "beta_bot", false))
			.isEqualTo(URI.create("https://x/hook/beta_bot"));
		assertThat(BotFactory.webhookUrlOf(null, "beta_bot", false)).isNull();
	}

	@Test
	void aSharesIsTheTotalDividedEvenlyRoundedUpWithAFloorAndNeverMoreThanTheTotal() {
		assertThat(io.analytips.pipeline.PipelineProperties.share(1000, 3, 20)).isEqualTo(334);
		assertThat(io.analytips.pipeline.PipelineProperties.share(1000, 100, 100)).isEqualTo(100);
		assertThat(io.analytips.pipeline.PipelineProperties.share(10, 2, 20)).isEqualTo(10);
		assertThat(io.analytips.pipeline.PipelineProperties.share(256, 1, 4)).isEqualTo(256);
	}
}
