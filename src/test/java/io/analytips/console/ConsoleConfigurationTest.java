package io.analytips.console;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's terminal settings: UTF-8 output whatever the locale, and Portuguese unless the locale asks for English. */
class ConsoleConfigurationTest {

	@Test
	void printsUtf8WhateverTheLocaleSays() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ConsoleConfiguration.utf8(bytes).print("Brasileirão ⚽");
		assertThat(bytes.toByteArray()).isEqualTo("Brasileirão ⚽".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void speaksPortugueseUnlessTheLocaleAsksForEnglish() {
		assertThat(ConsoleConfiguration.languageOf(Map.of())).isEqualTo("pt-br");
		assertThat(ConsoleConfiguration.languageOf(Map.of("LANG", "C.UTF-8"))).isEqualTo("pt-br");
		assertThat(ConsoleConfiguration.languageOf(Map.of("LANG", "pt_BR.UTF-8"))).isEqualTo("pt-br");
		assertThat(ConsoleConfiguration.languageOf(Map.of("LANG", "en_GB.UTF-8"))).isEqualTo("en");
		assertThat(ConsoleConfiguration.languageOf(Map.of("LANG", "en_US.UTF-8", "LC_ALL", "pt_BR.UTF-8"))).isEqualTo("pt-br");
	}
}
