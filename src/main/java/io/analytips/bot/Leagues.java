package io.analytips.bot;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.analytips.football.api.League;
import io.analytips.football.api.LeagueRef;
import io.analytips.pipeline.UpdateContext;

/**
 * League names as users read them, from the bundles ({@code league.<id>}): API-Football calls
 * both the Brasileirão and Italy's league "Serie A", so a name the bot shows must say which.
 * A league the bundles do not name shows API-Football's name with its country.
 */
final class Leagues {

	/** Other words people use for the leagues offered by default, to find them by name ({@code /tabela premier}). */
	private static final Map<Integer, String> ALSO_KNOWN_AS = Map.ofEntries(Map.entry(71, "brasileiro brasil"),
			Map.entry(72, "brasileiro brasil serie b"), Map.entry(73, "copa do brasil"),
			Map.entry(13, "libertadores conmebol"), Map.entry(11, "sudamericana sulamericana conmebol"),
			Map.entry(39, "premier inglaterra ingles england english epl"),
			Map.entry(140, "laliga espanha espanhol spain spanish"),
			Map.entry(135, "serie a italia italiano italy italian calcio"),
			Map.entry(78, "bundesliga alemanha alemao germany german"),
			Map.entry(61, "ligue 1 franca frances france french"),
			Map.entry(2, "champions liga dos campeoes ucl"), Map.entry(3, "europa league liga europa uel"));

	/**
	 * Leagues whose season is played within one calendar year ("2023"); the others span two ("2024/25"). By country,
	 * and the South American cups.
	 */
	private static final Set<String> ONE_YEAR_COUNTRIES = Set.of("Brazil", "Argentina", "Chile", "Colombia", "Uruguay",
			"Paraguay", "Peru", "Ecuador", "Bolivia", "Venezuela", "USA", "Japan", "China", "Korea Republic", "Sweden",
			"Norway", "Finland", "Ireland");

	private static final Set<Integer> ONE_YEAR_CUPS = Set.of(13, 11);

	private final Messages messages;

	Leagues(Messages messages) {
		this.messages = messages;
	}

	/** The name of a league the bot offers ({@code API_FOOTBALL_LEAGUES}), known by id only. */
	String name(int id, Locale locale) {
		String key = "league." + id;
		return messages.has(locale, key) ? messages.get(locale, key) : "#" + id;
	}

	/** The name of a fixture's league. */
	String name(LeagueRef league, Locale locale) {
		String key = "league." + league.id();
		if (messages.has(locale, key)) {
			return messages.get(locale, key);
		}
		return league.country() == null || league.country().isBlank() ? league.name()
				: messages.get(locale, "league.other", league.name(), league.country());
	}

	/** The league's current season as fans name it: "2024/25" where it spans two years, "2023" where it does not. */
	static String season(League league) {
		int start = league.currentSeason();
		if (ONE_YEAR_CUPS.contains(league.id()) || ONE_YEAR_COUNTRIES.contains(league.country())) {
			return Integer.toString(start);
		}
		return start + "/" + String.format(Locale.ROOT, "%02d", (start + 1) % 100);
	}

	/**
	 * The leagues of {@code offered} whose name (in either language) or other usual names contain every word of
	 * {@code query}, ignoring case and accents, in {@code offered}'s order.
	 */
	List<Integer> find(String query, List<Integer> offered) {
		String[] words = fold(query).split("\\s+");
		List<Integer> found = new ArrayList<>();
		for (int id : offered) {
			String names = fold(name(id, Locale.ENGLISH) + " " + name(id, UpdateContext.DEFAULT_LOCALE)
					+ " " + ALSO_KNOWN_AS.getOrDefault(id, ""));
			boolean all = true;
			for (String word : words) {
				all &= !word.isEmpty() && names.contains(word);
			}
			if (all) {
				found.add(id);
			}
		}
		return found;
	}

	private static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9 ]", " ").strip();
	}
}
