package io.analytips.console;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsolePropertiesTest {

	@Test
	void speaksTheDemoLanguageGivenWhateverTheLocale() {
		assertThat(new ConsoleProperties(" en ").languageOr(Map.of("LANG", "pt_BR.UTF-8"))).isEqualTo("en");
		assertThat(new ConsoleProperties("pt-BR").languageOr(Map.of("LANG", "en_GB.UTF-8"))).isEqualTo("pt-BR");
	}

	@Test
	void fallsBackToTheLocaleWhenNoneIsGiven() {
		assertThat(new ConsoleProperties(null).languageOr(Map.of("LANG", "en_GB.UTF-8"))).isEqualTo("en");
		assertThat(new ConsoleProperties("").languageOr(Map.of())).isEqualTo("pt-br");
	}

	@Test
	void refusesALanguageTheDemoDoesNotSpeak() {
		assertThatThrownBy(() -> new ConsoleProperties("fr")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("DEMO_LANGUAGE must be en or pt-br (was \"fr\")");
		assertThatThrownBy(() -> new ConsoleProperties("english")).hasMessageStartingWith("DEMO_LANGUAGE must be en or pt-br");
	}
}
