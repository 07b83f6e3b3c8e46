package io.analytips.bot;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which text typed at the menu is searched as a team's name, and which gets help instead. */
class TypedTextTest {

	@ParameterizedTest
	@ValueSource(strings = { "Flamengo", "sao paulo", "Timão", "Man Utd", "Brighton & Hove Albion", "nott'm forest",
			"Clube de Regatas do Flamengo", "próximo jogo do Palmeiras", "SPFC" })
	void searchesWhatMayBeATeamsName(String text) {
		assertThat(TypedText.mayBeATeam(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "oi", "Olá", "bom dia", "obrigado", "thanks", "ok", "12", "?!", "qual o jogo de hoje?",
			"https://example.com/flamengo", "eu queria saber quais são os jogos de amanhã do campeonato",
			"Lorem ipsum dolor sit amet consectetur adipiscing" })
	void answersWhatIsNoNameWithHelp(String text) {
		assertThat(TypedText.mayBeATeam(text)).isFalse();
	}
}
