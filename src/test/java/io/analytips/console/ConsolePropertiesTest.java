package io.analytips.console;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsolePropertiesTest {

	@Test
	void speaksTheDemoLanguageGivenWhateverTheLocale() {
		assertThat(new ConsoleProperties(" en ", null).languageOr(Map.of("LANG", "pt_BR.UTF-8"))).isEqualTo("en");
		assertThat(new ConsoleProperties("pt-BR", null).languageOr(Map.of("LANG", "en_GB.UTF-8"))).isEqualTo("pt-BR");
	}

	@Test
	void fallsBackToTheLocaleWhenNoneIsGiven() {
		assertThat(new ConsoleProperties(null, null).languageOr(Map.of("LANG", "en_GB.UTF-8"))).isEqualTo("en");
		assertThat(new ConsoleProperties("", null).languageOr(Map.of())).isEqualTo("pt-br");
	}

	@Test
	void refusesALanguageTheDemoDoesNotSpeak() {
		assertThatThrownBy(() -> new ConsoleProperties("fr", null)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("DEMO_LANGUAGE must be en or pt-br (was \"fr\")");
		assertThatThrownBy(() -> new ConsoleProperties("english", null)).hasMessageStartingWith("DEMO_LANGUAGE must be en or pt-br");
	}

	@Test
	void picturesGoToTheDemosFolderUnlessAnotherIsGiven() {
		assertThat(new ConsoleProperties("en", null).pictures()).isEqualTo(java.nio.file.Path.of("data", "demo", "pictures"));
		assertThat(new ConsoleProperties("en", java.nio.file.Path.of("/tmp/p")).pictures()).isEqualTo(java.nio.file.Path.of("/tmp/p"));
	}
}
