package io.analytips.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands as people type them: any case, with or without accents, addressed to the bot or not. */
class CommandTest {

	@Test
	void readsTheNameAndTheRestOfTheText() {
		assertThat(Command.parse("/proximos  Flamengo ")).isEqualTo(new Command("proximos", "Flamengo"));
		assertThat(Command.parse("/start@analytips_bot")).isEqualTo(new Command("start", ""));
	}

	@Test
	void dropsAccentsAndCaseFromTheName() {
		assertThat(Command.parse("/Próximos São Paulo")).isEqualTo(new Command("proximos", "São Paulo"));
		assertThat(Command.parse("/TABELA")).isEqualTo(new Command("tabela", ""));
		assertThat(Command.parse("/língua@analytips_bot en")).isEqualTo(new Command("lingua", "en"));
	}

	@Test
	void textThatIsNotACommandIsNone() {
		assertThat(Command.parse("Flamengo")).isNull();
		assertThat(Command.parse("/")).isNull();
		assertThat(Command.parse(null)).isNull();
		assertThat(Command.parse("/" + "a".repeat(33))).isNull();
	}
}
