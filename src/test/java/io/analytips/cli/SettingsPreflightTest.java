package io.analytips.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.analytips.cli.CommandLine.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsPreflightTest {

	@TempDir
	Path workingDirectory;

	private List<String> problems(Mode mode, Map<String, String> environment, String... arguments) {
		return SettingsPreflight.problems(mode, new SettingSources(List.of(arguments), Map.of(), environment),
				workingDirectory);
	}

	@Test
	void namesEachMissingVariableWithWhatItIsAndWhereToGetIt() {
		assertThat(problems(Mode.RUN, Map.of())).containsExactly(
				"TELEGRAM_BOT_TOKEN is not set: the bot's token, from @BotFather in Telegram (https://t.me/BotFather); or TELEGRAM_BOT_TOKENS, several comma-separated",
				"API_FOOTBALL_KEY is not set: your API-Football key, from https://dashboard.api-football.com"
						+ " (or run --demo, which needs none)");
	}

	@Test
	void countsABlankValueAsMissing() {
		assertThat(problems(Mode.RUN, Map.of("TELEGRAM_BOT_TOKEN", " ", "API_FOOTBALL_KEY", "key")))
			.containsExactly(SettingsPreflight.TOKEN_MISSING);
	}

	@Test
	void findsNothingMissingWhenBothAreGiven() {
		assertThat(problems(Mode.RUN, Map.of("TELEGRAM_BOT_TOKEN", "123:abc", "API_FOOTBALL_KEY", "key"))).isEmpty();
	}

	@Test
	void acceptsTheSpringPropertiesInsteadOfTheVariables() {
		assertThat(problems(Mode.RUN, Map.of("ANALYTIPS_TELEGRAM_BOT_TOKEN", "123:abc"),
				"--analytips.football.key=key")).isEmpty();
	}

	@Test
	void needsNothingForTheDemo() {
		assertThat(problems(Mode.DEMO, Map.of())).isEmpty();
	}

	@Test
	void leavesItToSpringWhenAConfigurationFileMayGiveTheSettings() throws IOException {
		Files.writeString(workingDirectory.resolve("application.yml"), "analytips.telegram.bot-token: x\n");
		assertThat(problems(Mode.RUN, Map.of())).isEmpty();
	}

	@Test
	void leavesItToSpringWhenAConfigDirectoryOrLocationOrProfileIsGiven() throws IOException {
		assertThat(problems(Mode.RUN, Map.of(), "--spring.config.location=/etc/analytips/")).isEmpty();
		assertThat(problems(Mode.RUN, Map.of("SPRING_APPLICATION_JSON", "{}"))).isEmpty();
		assertThat(problems(Mode.RUN, Map.of("SPRING_PROFILES_ACTIVE", "demo"))).isEmpty();
		Files.createDirectory(workingDirectory.resolve("config"));
		assertThat(problems(Mode.RUN, Map.of())).isEmpty();
	}

	@Test
	void refusesATelegramModeThatIsNeitherPollingNorWebhook() {
		assertThat(problems(Mode.DEMO, Map.of("TELEGRAM_MODE", "pooling")))
			.containsExactly("TELEGRAM_MODE is invalid: polling or webhook (was \"pooling\")");
		assertThat(problems(Mode.DEMO, Map.of("TELEGRAM_MODE", "")))
			.containsExactly("TELEGRAM_MODE is invalid: polling or webhook (was \"\")");
	}

	@Test
	void readsTheTelegramModeLenientlyAsSpringDoes() {
		assertThat(problems(Mode.DEMO, Map.of("TELEGRAM_MODE", "Polling"))).isEmpty();
	}

	@Test
	void needsTheWebhookUrlAndSecretInWebhookMode() {
		assertThat(problems(Mode.DEMO, Map.of("TELEGRAM_MODE", "WEBHOOK"))).hasSize(2)
			.anySatisfy(line -> assertThat(line).startsWith("TELEGRAM_WEBHOOK_URL is not set: "))
			.anySatisfy(line -> assertThat(line).startsWith("TELEGRAM_WEBHOOK_SECRET is not set: "));
		assertThat(problems(Mode.DEMO, Map.of("TELEGRAM_MODE", "webhook", "TELEGRAM_WEBHOOK_URL", "https://bot.example/x",
				"TELEGRAM_WEBHOOK_SECRET", "s3cret"))).isEmpty();
	}

	@Test
	void servesTelegramInTheDemoOnlyWithAToken() {
		assertThat(SettingsPreflight.hasToken(new SettingSources(List.of(), Map.of(), Map.of()))).isFalse();
		assertThat(SettingsPreflight.hasToken(new SettingSources(List.of("--analytips.telegram.bot-token=1:a"), Map.of(),
				Map.of()))).isTrue();
	}
}
