package io.analytips.cli;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettingSourcesTest {

	private static final String TOKEN = "analytips.telegram.bot-token";

	@Test
	void readsTheVariableApplicationYmlDefaultsThePropertyTo() {
		SettingSources given = new SettingSources(List.of(), Map.of(), Map.of("TELEGRAM_BOT_TOKEN", "from-env"));
		assertThat(given.setting(TOKEN, "TELEGRAM_BOT_TOKEN")).hasValue("from-env");
	}

	@Test
	void prefersTheCommandLineThenSystemPropertiesThenTheEnvironmentAsSpringDoes() {
		Map<String, String> environment = Map.of("TELEGRAM_BOT_TOKEN", "from-env");
		Map<String, String> system = Map.of("TELEGRAM_BOT_TOKEN", "from-system");
		assertThat(new SettingSources(List.of("--TELEGRAM_BOT_TOKEN=from-args"), system, environment)
			.setting(TOKEN, "TELEGRAM_BOT_TOKEN")).hasValue("from-args");
		assertThat(new SettingSources(List.of(), system, environment).setting(TOKEN, "TELEGRAM_BOT_TOKEN"))
			.hasValue("from-system");
	}

	@Test
	void prefersThePropertyWhereverItIsGivenToTheVariable() {
		SettingSources given = new SettingSources(List.of(), Map.of(), Map.of("TELEGRAM_BOT_TOKEN", "variable",
				"ANALYTIPS_TELEGRAM_BOT_TOKEN", "property"));
		assertThat(given.setting(TOKEN, "TELEGRAM_BOT_TOKEN")).hasValue("property");
		assertThat(new SettingSources(List.of("--" + TOKEN + "=argument"), Map.of(), Map.of())
			.setting(TOKEN, "TELEGRAM_BOT_TOKEN")).hasValue("argument");
		assertThat(new SettingSources(List.of(), Map.of(TOKEN, "system"), Map.of()).setting(TOKEN, "TELEGRAM_BOT_TOKEN"))
			.hasValue("system");
	}

	@Test
	void findsThePropertyUnderBothEnvironmentNamesSpringBootBinds() {
		assertThat(new SettingSources(List.of(), Map.of(), Map.of("ANALYTIPS_TELEGRAM_BOTTOKEN", "x"))
			.setting(TOKEN, "TELEGRAM_BOT_TOKEN")).hasValue("x");
	}

	@Test
	void takesTheLastOfARepeatedOption() {
		assertThat(new SettingSources(List.of("--LOG_FORMAT=json", "--LOG_FORMAT=text"), Map.of(), Map.of())
			.value("LOG_FORMAT")).hasValue("text");
	}

	@Test
	void isEmptyWhenNothingGivesTheSetting() {
		assertThat(new SettingSources(List.of("--demo"), Map.of(), Map.of()).setting(TOKEN, "TELEGRAM_BOT_TOKEN")).isEmpty();
	}

	@Test
	void seesAPropertyGivenUnderAPrefixInAnySource() {
		assertThat(new SettingSources(List.of("--spring.config.location=x"), Map.of(), Map.of())
			.givesAnyStartingWith("spring.config.")).isTrue();
		assertThat(new SettingSources(List.of(), Map.of("spring.config.import", "x"), Map.of())
			.givesAnyStartingWith("spring.config.")).isTrue();
		assertThat(new SettingSources(List.of(), Map.of(), Map.of("SPRING_CONFIG_ADDITIONAL_LOCATION", "x"))
			.givesAnyStartingWith("spring.config.")).isTrue();
		assertThat(new SettingSources(List.of("--server.port=1"), Map.of("user.dir", "/"), Map.of("PATH", "/bin"))
			.givesAnyStartingWith("spring.config.")).isFalse();
	}
}
