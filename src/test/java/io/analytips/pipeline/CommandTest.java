package io.analytips.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands as people type them: any case, with or without accents, addressed to the bot or not. */
class CommandTest {

	@Test
	void readsTheNameAndTheRestOfTheText() {
		assertThat(Command.parse("/proximos  Flamengo ")).isEqualTo(new Command("proximos", "Flamengo"));
		assertThat(Command.parse("/start@analytips_bot")).isEqualTo(new Command("start", "", "analytips_bot"));
	}

	@Test
	void dropsAccentsAndCaseFromTheName() {
		assertThat(Command.parse("/Próximos São Paulo")).isEqualTo(new Command("proximos", "São Paulo"));
		assertThat(Command.parse("/TABELA")).isEqualTo(new Command("tabela", ""));
		assertThat(Command.parse("/língua@analytips_bot en")).isEqualTo(new Command("lingua", "en", "analytips_bot"));
	}

	@Test
	void keepsTheBotACommandIsAddressedTo() {
		assertThat(Command.parse("/tabela@OtherBot 39")).isEqualTo(new Command("tabela", "39", "OtherBot"));
		assertThat(Command.parse("/tabela 39").addressee()).isEmpty();
	}

	@Test
	void isForTheBotItNamesInAnyCaseOrWhenItNamesNone() {
		assertThat(Command.parse("/tabela@analytips_bot").isFor("analytips_bot")).isTrue();
		assertThat(Command.parse("/tabela@Analytips_Bot").isFor("analytips_bot")).isTrue();
		assertThat(Command.parse("/tabela").isFor("analytips_bot")).isTrue();
		assertThat(Command.parse("/tabela@OtherBot").isFor("analytips_bot")).isFalse();
	}

	@Test
	void aBotWhoseUsernameIsNotKnownYetTakesEveryCommand() {
		assertThat(Command.parse("/tabela@OtherBot").isFor("")).isTrue();
		assertThat(Command.parse("/tabela@OtherBot").isFor(null)).isTrue();
	}

	@Test
	void anEmptyAddresseeIsNoAddressee() {
		assertThat(Command.parse("/tabela@ 39")).isEqualTo(new Command("tabela", "39", ""));
		assertThat(Command.parse("/tabela@").isFor("analytips_bot")).isTrue();
	}

	@Test
	void textThatIsNotACommandIsNone() {
		assertThat(Command.parse("Flamengo")).isNull();
		assertThat(Command.parse("/")).isNull();
		assertThat(Command.parse(null)).isNull();
		assertThat(Command.parse("/" + "a".repeat(33))).isNull();
	}
}
