package io.analytips.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.analytips.cli.CommandLine.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsBindingTest {

	private static final List<String> NONE = List.of();

	private static final List<String> TERMINAL_DEMO = List.of("demo", "console");

	/** What a first start needs, so that a test shows only the problem it is about. */
	private static final Map<String, String> REQUIRED = Map.of("TELEGRAM_BOT_TOKEN", "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ra",
			"API_FOOTBALL_KEY", "0123456789abcdef");

	@TempDir
	Path folder;

	private static List<String> run(Map<String, String> environment, String... arguments) {
		Map<String, String> all = new HashMap<>(REQUIRED);
		all.putAll(environment);
		return SettingsBinding.problems(Mode.RUN, new SettingSources(List.of(arguments), Map.of(), all), NONE);
	}

	private static List<String> terminalDemo(Map<String, String> environment) {
		return SettingsBinding.problems(Mode.DEMO, new SettingSources(List.of("--demo"), Map.of(), environment),
				TERMINAL_DEMO);
	}

	@Test
	void acceptsTheDefaultsInEveryMode() {
		assertThat(run(Map.of())).isEmpty();
		assertThat(terminalDemo(Map.of())).isEmpty();
		assertThat(SettingsBinding.problems(Mode.DEMO, new SettingSources(List.of("--demo"), Map.of(), REQUIRED),
				List.of("demo"))).isEmpty();
	}

	@Test
	void refusesADemoDateThatIsNoDateNamingDemoDate() {
		assertThat(terminalDemo(Map.of("DEMO_DATE", "2026-13-45")))
			.containsExactly("DEMO_DATE must be a date like 2026-07-10 (was 2026-13-45)");
		assertThat(terminalDemo(Map.of("DEMO_DATE", "yesterday")))
			.containsExactly("DEMO_DATE must be a date like 2026-07-10 (was yesterday)");
		assertThat(terminalDemo(Map.of("DEMO_DATE", "2027-03-14"))).isEmpty();
	}

	@Test
	void refusesADemoSpeedThatIsNoNumberFromOneTo3600NamingDemoSpeed() {
		assertThat(terminalDemo(Map.of("DEMO_SPEED", "0"))).containsExactly(
				"DEMO_SPEED must be a number from 1 to 3600, like 60 for a simulated minute every second (was 0)");
		assertThat(terminalDemo(Map.of("DEMO_SPEED", "7200"))).containsExactly(
				"DEMO_SPEED must be a number from 1 to 3600, like 60 for a simulated minute every second (was 7200)");
		assertThat(terminalDemo(Map.of("DEMO_SPEED", "fast")))
			.containsExactly("DEMO_SPEED is invalid: a number like 60 or 1.5 (was \"fast\")");
		assertThat(terminalDemo(Map.of("DEMO_SPEED", "60", "DEMO_DATE", "2027-03-14"))).isEmpty();
		assertThat(terminalDemo(Map.of("DEMO_SPEED", "2.5"))).isEmpty();
		assertThat(terminalDemo(Map.of("DEMO_SPEED", ""))).isEmpty();
	}

	@Test
	void refusesAMalformedTokenWithoutRepeatingIt() {
		assertThat(run(Map.of("TELEGRAM_BOT_TOKEN", "not-a-token"))).singleElement().asString()
			.startsWith("TELEGRAM_BOT_TOKEN is invalid: must be the token @BotFather gave the bot: its id, a colon and 35")
			.endsWith("(was 11 characters, not shown)")
			.doesNotContain("not-a-token");
		assertThat(run(Map.of("TELEGRAM_BOT_TOKEN", "123456789:short"))).hasSize(1);
	}

	@Test
	void refusesAMalformedTokenInTheDemoOnTelegramToo() {
		assertThat(SettingsBinding.problems(Mode.DEMO, new SettingSources(List.of("--demo"), Map.of(),
				Map.of("TELEGRAM_BOT_TOKEN", "123:abc")), List.of("demo")))
			.singleElement().asString().startsWith("TELEGRAM_BOT_TOKEN is invalid: ");
	}

	@Test
	void saysWhatAWholeNumberLooksLike() {
		assertThat(run(Map.of("BOT_RATE_LIMIT", "ten")))
			.containsExactly("BOT_RATE_LIMIT is invalid: a whole number like 10 (was \"ten\")");
	}

	@Test
	void namesTheVariableOfANumberOutOfItsRange() {
		assertThat(run(Map.of("BOT_CONCURRENCY", "0")))
			.containsExactly("BOT_CONCURRENCY is invalid: must be greater than or equal to 1 (was \"0\")");
		assertThat(run(Map.of("API_FOOTBALL_BACKGROUND_SHARE", "150")))
			.containsExactly("API_FOOTBALL_BACKGROUND_SHARE is invalid: must be less than or equal to 100 (was \"150\")");
	}

	@Test
	void saysWhatADurationLooksLike() {
		assertThat(run(Map.of("BOT_RATE_WINDOW", "a minute")))
			.containsExactly("BOT_RATE_WINDOW is invalid: a duration like 500ms, 10s, 5m or 3d (was \"a minute\")");
		assertThat(run(Map.of("MARKET_SWEEP_EVERY", "30s")))
			.containsExactly("MARKET_SWEEP_EVERY must be at least 1 minute: PT30S");
	}

	@Test
	void refusesAUrlThatIsNoHttpUrl() {
		assertThat(run(Map.of("API_FOOTBALL_URL", "v3.football.api-sports.io"))).containsExactly(
				"API_FOOTBALL_URL must be an http(s) URL like https://v3.football.api-sports.io (was \"v3.football.api-sports.io\")");
		assertThat(run(Map.of("TELEGRAM_API_URL", "ftp://api.telegram.org"))).containsExactly(
				"TELEGRAM_API_URL must be an http(s) URL like https://api.telegram.org (was \"ftp://api.telegram.org\")");
		assertThat(run(Map.of("TELEGRAM_API_URL", "https//api.telegram.org"))).singleElement().asString()
			.startsWith("TELEGRAM_API_URL must be an http(s) URL like https://api.telegram.org");
	}

	@Test
	void refusesADatabaseUrlThatCannotWorkWithoutRepeatingIt() {
		assertThat(run(Map.of("DATABASE_URL", "mysql://root:s3cret@db/analytips"))).singleElement().asString()
			.startsWith("DATABASE_URL must start with postgres://")
			.doesNotContain("s3cret");
		assertThat(run(Map.of("DATABASE_URL", "postgres://bot:p@ss:word@db/analytips"))).singleElement().asString()
			.startsWith("DATABASE_URL ")
			.contains("postgres://user:password@host:5432/database")
			.doesNotContain("ss:word");
	}

	@Test
	void leavesDatabaseUrlAloneInTheDemo() {
		assertThat(terminalDemo(Map.of("DATABASE_URL", "mysql://db/analytips"))).isEmpty();
	}

	@Test
	void refusesATimeZoneThatDoesNotExist() {
		assertThat(run(Map.of("API_FOOTBALL_TIMEZONE", "Brasilia"))).containsExactly(
				"API_FOOTBALL_TIMEZONE is invalid: a time zone like America/Sao_Paulo, Europe/London or UTC (was \"Brasilia\")");
	}

	@Test
	void refusesLeagueAndUserIdsThatAreNone() {
		assertThat(run(Map.of("API_FOOTBALL_LEAGUES", "71,brasileirao"))).containsExactly(
				"API_FOOTBALL_LEAGUES is invalid: comma-separated whole numbers like 71,39 (was \"brasileirao\")");
		assertThat(run(Map.of("API_FOOTBALL_LEAGUES", "71,-39")))
			.containsExactly("API_FOOTBALL_LEAGUES is invalid: must be API-Football league ids like 71,39 (was \"-39\")");
		assertThat(run(Map.of("ADMIN_IDS", "@someone"))).containsExactly(
				"ADMIN_IDS is invalid: comma-separated whole numbers like 123456789,987654321 (was \"@someone\")");
		assertThat(run(Map.of("OPERATOR_IDS", "-1001234567"))).containsExactly("OPERATOR_IDS is invalid: must be Telegram user"
				+ " ids (a person's, not a group's) like 123456789,987654321 (was \"-1001234567\")");
	}

	@Test
	void refusesAWebhookUrlThatIsNotHttpsAndASecretTelegramWouldRefuse() {
		Map<String, String> webhook = Map.of("TELEGRAM_MODE", "webhook", "TELEGRAM_WEBHOOK_URL", "http://bot.example.org/hook",
				"TELEGRAM_WEBHOOK_SECRET", "s3cret");
		assertThat(run(webhook)).singleElement().asString().startsWith("TELEGRAM_WEBHOOK_URL must be an https URL like");
		Map<String, String> badSecret = new HashMap<>(webhook);
		badSecret.put("TELEGRAM_WEBHOOK_URL", "https://bot.example.org/hook");
		badSecret.put("TELEGRAM_WEBHOOK_SECRET", "not secret!");
		assertThat(run(badSecret)).singleElement().asString().startsWith("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters");
	}

	@Test
	void refusesAWebhookSourceThatIsNoIpRange() {
		assertThat(run(Map.of("TELEGRAM_WEBHOOK_ALLOWED_SOURCES", "telegram,10.0.0.0/33"))).containsExactly(
				"TELEGRAM_WEBHOOK_ALLOWED_SOURCES must be CIDR ranges like 149.154.160.0/20, or telegram (prefix out of range in"
						+ " 10.0.0.0/33)");
	}

	@Test
	void refusesADemoLanguageTheDemoDoesNotSpeakOnlyInTheTerminalDemo() {
		assertThat(terminalDemo(Map.of("DEMO_LANGUAGE", "fr"))).containsExactly("DEMO_LANGUAGE must be en or pt-br (was \"fr\")");
		assertThat(terminalDemo(Map.of("DEMO_LANGUAGE", "EN"))).isEmpty();
		assertThat(terminalDemo(Map.of("DEMO_LANGUAGE", "pt-BR"))).isEmpty();
		assertThat(run(Map.of("DEMO_LANGUAGE", "fr"))).isEmpty();
	}

	@Test
	void refusesAServerPortThatIsNoPort() {
		assertThat(run(Map.of("SERVER_PORT", "http"))).containsExactly("SERVER_PORT is invalid: a whole number like 10 (was \"http\")");
		assertThat(run(Map.of("SERVER_PORT", "80800")))
			.containsExactly("SERVER_PORT is invalid: a port from 0 to 65535, 0 for any free one (was \"80800\")");
	}

	@Test
	void refusesALogFormatThatIsNeitherJsonNorText() {
		assertThat(run(Map.of("LOG_FORMAT", "xml"))).containsExactly("LOG_FORMAT is invalid: json or text (was \"xml\")");
		assertThat(run(Map.of("LOG_FORMAT", "JSON"))).isEmpty();
	}

	@Test
	void refusesABooleanThatIsNeitherTrueNorFalse() {
		assertThat(run(Map.of("MARKET_SWEEP_ENABLED", "sometimes")))
			.containsExactly("MARKET_SWEEP_ENABLED is invalid: true or false (was \"sometimes\")");
		assertThat(run(Map.of("TELEGRAM_ALLOW_PAID_BROADCAST", "always")))
			.containsExactly("TELEGRAM_ALLOW_PAID_BROADCAST is invalid: true or false (was \"always\")");
		assertThat(run(Map.of("TELEGRAM_ALLOW_PAID_BROADCAST", "true"))).isEmpty();
	}

	@Test
	void reportsEveryWrongSettingOneLineEach() {
		assertThat(run(Map.of("MARKET_SWEEP_ENABLED", "x", "BOT_RATE_LIMIT", "ten", "API_FOOTBALL_TIMEZONE", "Brasilia",
				"LOG_FORMAT", "xml")))
			.hasSize(4)
			.allSatisfy(line -> assertThat(line).doesNotContain("\n"));
	}

	@Test
	void readsPropertiesAndTheirRelaxedForms() {
		assertThat(run(Map.of(), "--analytips.bot.rate-limit=ten")).containsExactly(
				"BOT_RATE_LIMIT is invalid: a whole number like 10 (was \"ten\")");
		assertThat(run(Map.of("ANALYTIPS_BOT_RATELIMIT", "ten"))).singleElement().asString().startsWith("BOT_RATE_LIMIT is invalid");
	}

	@Test
	void readsAConfigurationFileAsSpringDoes() throws IOException {
		Files.writeString(folder.resolve("application.yml"), "analytips:\n  bot:\n    rate-limit: ten\n");
		assertThat(run(Map.of(), "--spring.config.additional-location=file:" + folder + "/")).containsExactly(
				"BOT_RATE_LIMIT is invalid: a whole number like 10 (was \"ten\")");
	}

	@Test
	void findsTheRequiredSettingsWhereverSpringWould() throws IOException {
		Files.writeString(folder.resolve("application.yml"), "analytips.telegram.bot-token: 123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ra\n");
		SettingSources onlyTheFile = new SettingSources(List.of("--spring.config.additional-location=file:" + folder + "/"),
				Map.of(), Map.of());
		assertThat(SettingsBinding.problems(Mode.RUN, onlyTheFile, NONE)).containsExactly(SettingsPreflight.KEY_MISSING);
	}

	@Test
	void bindsEverySettingsRecordOfTheApplication() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		Set<String> onTheClassPath = scanner.findCandidateComponents("io.analytips")
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.collect(Collectors.toSet());
		assertThat(SettingsBinding.RECORDS.stream().map(Class::getName)).containsExactlyInAnyOrderElementsOf(onTheClassPath);
	}
}
