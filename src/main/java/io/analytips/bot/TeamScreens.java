package io.analytips.bot;

import java.util.List;
import java.util.Locale;

import io.analytips.football.FootballData;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.Team;
import io.analytips.telegram.Html;
import reactor.core.publisher.Mono;

/**
 * The screens of finding a team, shared by the search conversation ({@link SearchHandler}) and
 * {@code /proximos} ({@link NextGamesHandler}): the teams a name finds, and a team's next games,
 * each leading to its analysis menu.
 */
final class TeamScreens {

	/** How many of a team's next games are listed. */
	static final int NEXT_GAMES = 5;

	private final FootballData data;

	private final Messages messages;

	private final Menus menus;

	TeamScreens(FootballData data, Messages messages, Menus menus) {
		this.data = data;
		this.messages = messages;
		this.menus = menus;
	}

	/** The teams whose name contains {@code query} (at most a page), in API-Football's order; errors when upstream fails with nothing cached. */
	Mono<List<Team>> find(String query) {
		return data.searchTeams(query).map(cached -> cached.value().stream().limit(BrowseHandler.PAGE).toList());
	}

	/** A button per team, to pick the one meant. */
	Screen choose(String query, List<Team> teams, Locale locale) {
		Keyboard keyboard = Keyboard.create();
		teams.forEach(team -> keyboard.button(team.name() + (team.country() == null ? "" : " (" + team.country() + ")"),
				CallbackData.of(CallbackData.TEAM, team.id())));
		return new Screen(messages.get(locale, "search.teams.html", Html.escape(query)),
				menus.backTo(keyboard, CallbackData.SEARCH, locale).build());
	}

	/** The team's next games, kick-offs in the reader's zone; a polite screen instead of an upstream error. */
	Mono<Screen> games(long team, Reader reader) {
		Locale locale = reader.locale();
		return data.nextFixtures(team, NEXT_GAMES).map(cached -> {
			List<Fixture> games = cached.value();
			if (games.isEmpty()) {
				return new Screen(messages.get(locale, "search.next.empty.html", "#" + team),
						menus.backOnly(CallbackData.SEARCH, locale));
			}
			Fixture first = games.get(0);
			String name = first.home().id() == team ? first.home().name() : first.away().name();
			Keyboard keyboard = Keyboard.create();
			String here = CallbackData.of(CallbackData.TEAM, team);
			games.forEach(f -> keyboard.button(messages.get(locale, "fixture.button", Format.dayTime(f.kickoff(), reader.zone()),
					f.home().name(), f.away().name()), Menus.fixture(f.id(), here)));
			return new Screen(messages.get(locale, "search.next.html", Html.escape(name), Format.zone(reader.zone(), messages, locale)),
					menus.backTo(keyboard, CallbackData.SEARCH, locale).build());
		}).onErrorResume(error -> unavailable(error, locale));
	}

	/** The sentence for an upstream failure the bot knows (down, quota, …); other errors go on. */
	Mono<Screen> unavailable(Throwable error, Locale locale) {
		return FootballErrors.message(error, messages, locale)
			.map(message -> new Screen(Html.escape(message), menus.backOnly(CallbackData.MENU, locale)))
			.switchIfEmpty(Mono.error(error));
	}
}
