package io.analytips.bot;

import java.util.Map;

/** Names of the leagues the bot may follow, for the leagues menu (fixtures carry their own names). */
final class Leagues {

	private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(71, "Brasileirão Série A"),
			Map.entry(72, "Brasileirão Série B"), Map.entry(73, "Copa do Brasil"), Map.entry(13, "Libertadores"),
			Map.entry(11, "Sul-Americana"), Map.entry(39, "Premier League"), Map.entry(140, "La Liga"),
			Map.entry(135, "Serie A (Itália)"), Map.entry(78, "Bundesliga"), Map.entry(61, "Ligue 1"),
			Map.entry(2, "Champions League"), Map.entry(3, "Europa League"));

	private Leagues() {
	}

	static String name(int id) {
		return NAMES.getOrDefault(id, "#" + id);
	}
}
