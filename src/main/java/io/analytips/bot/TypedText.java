package io.analytips.bot;

import java.util.Set;

import io.analytips.football.TeamNames;

/**
 * Whether text typed in a private chat outside any prompt may be a team's name, and so is searched
 * (a name typed at the menu is a search). Not a name, and answered with help instead: fewer than
 * {@value NextGamesHandler#SHORTEST_NAME} letters or digits, more than {@value #MOST_WORDS} words or
 * {@value #LONGEST_NAME} characters (a sentence), a question, a link, or a greeting, thanks, yes or no in
 * either language (searching them would only answer "no team called oi", and cost a call upstream).
 */
final class TypedText {

	/** The longest name searched; the search cuts longer ones. */
	static final int LONGEST_NAME = 40;

	/** "Clube de Regatas do Flamengo" has five words. */
	static final int MOST_WORDS = 6;

	private static final Set<String> NOT_NAMES = Set.of("oi", "ola", "opa", "bom dia", "boa tarde", "boa noite",
			"obrigado", "obrigada", "valeu", "vlw", "tchau", "sim", "nao", "ok", "ajuda", "menu", "inicio", "hello",
			"hi", "hey", "thanks", "thank you", "bye", "yes", "no", "help", "start");

	private TypedText() {
	}

	static boolean mayBeATeam(String text) {
		String folded = TeamNames.fold(text);
		return folded.replace(" ", "").length() >= NextGamesHandler.SHORTEST_NAME && text.length() <= LONGEST_NAME
				&& folded.split(" ").length <= MOST_WORDS && !text.contains("?") && !text.contains("://")
				&& !NOT_NAMES.contains(folded);
	}
}
