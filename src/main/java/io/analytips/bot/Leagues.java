package io.analytips.bot;

import java.util.Locale;

import io.analytips.football.api.LeagueRef;

/**
 * League names as users read them, from the bundles ({@code league.<id>}): API-Football calls
 * both the Brasileirão and Italy's league "Serie A", so a name the bot shows must say which.
 * A league the bundles do not name shows API-Football's name with its country.
 */
final class Leagues {

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
}
