package io.analytips.bot;

import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

import io.analytips.follow.Following;
import io.analytips.store.Followed;

import io.analytips.football.FootballData;
import io.analytips.football.FoundTeam;
import io.analytips.football.TeamMatches;
import io.analytips.football.TeamNames;
import io.analytips.football.TeamSearch;
import io.analytips.football.api.Fixture;
import io.analytips.telegram.Html;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import reactor.core.publisher.Mono;

/**
 * The screens of finding a team, shared by the search conversation and names typed at the menu
 * ({@link SearchHandler}) and {@code /proximos} ({@link NextGamesHandler}): the teams a name finds (or
 * nearly spells), and a team's next games, each leading to its analysis menu.
 */
final class TeamScreens {

	/** How many of a team's next games are listed. */
	static final int NEXT_GAMES = 5;

	private final TeamSearch search;

	private final FootballData data;

	private final Messages messages;

	private final Menus menus;

	/** Whose follows the team screen's 🔔 button shows; null: no button. */
	private final Following following;

	TeamScreens(TeamSearch search, FootballData data, Messages messages, Menus menus) {
		this(search, data, messages, menus, null);
	}

	TeamScreens(TeamSearch search, FootballData data, Messages messages, Menus menus, Following following) {
		this.search = search;
		this.data = data;
		this.messages = messages;
		this.menus = menus;
		this.following = following;
	}

	/** A team's button that opens its next games. */
	static final LongFunction<String> OPEN = id -> CallbackData.of(CallbackData.TEAM, id);

	/** A team's button that follows it. */
	static final LongFunction<String> FOLLOW = id -> CallbackData.of(CallbackData.FOLLOW, CallbackData.TEAM_KIND, id);

	/**
	 * The teams {@code query} names (at most a page; {@link TeamSearch}: nicknames, accents, "did you
	 * mean"), named for people; errors when upstream fails with nothing cached.
	 */
	Mono<TeamMatches> find(String query) {
		return search.search(query).map(matches -> matches.found().size() <= BrowseHandler.PAGE ? matches
				: new TeamMatches(matches.found().subList(0, BrowseHandler.PAGE), List.of()));
	}

	/**
	 * The screen for what {@code query} found: the only team's next games, a button per team, a "did you
	 * mean" with a button per near miss, or else {@code none}.
	 */
	Mono<Screen> found(String query, TeamMatches matches, Screen none, Reader reader) {
		return found(query, matches, none, reader, null);
	}

	/** The same, the only team's games with a 🔔 button for {@code follower} (none if null). */
	Mono<Screen> found(String query, TeamMatches matches, Screen none, Reader reader, Follower follower) {
		Locale locale = reader.locale();
		List<FoundTeam> found = matches.found();
		if (found.size() == 1) {
			return games(found.get(0).id(), found.get(0).name(), reader, follower);
		}
		if (!found.isEmpty()) {
			return Mono.just(choose(query, found, locale));
		}
		return Mono.just(didYouMean(query, matches.nearMisses(), none, locale, OPEN));
	}

	/** "Did you mean", a button each ({@code data}: what it does), for near misses; {@code none} if there are none. */
	Screen didYouMean(String query, List<FoundTeam> near, Screen none, Locale locale, LongFunction<String> data) {
		if (near.isEmpty()) {
			return none;
		}
		String text = near.size() == 1
				? messages.get(locale, "search.didyoumean.html", Html.escape(query), Html.escape(near.get(0).name()))
				: messages.get(locale, "search.didyoumean.many.html", Html.escape(query));
		return new Screen(text, buttons(near, locale, data));
	}

	/** A button per team, to pick the one meant. */
	Screen choose(String query, List<FoundTeam> teams, Locale locale) {
		return choose(query, teams, locale, OPEN);
	}

	/** A button per team, to pick the one meant; {@code data}: what pressing it does. */
	Screen choose(String query, List<FoundTeam> teams, Locale locale, LongFunction<String> data) {
		return new Screen(messages.get(locale, "search.teams.html", Html.escape(query)), buttons(teams, locale, data));
	}

	/**
	 * The team's name as API-Football gives it, from its next games (cached, shared with its screen); empty when it
	 * has none. Errors as {@link FootballData#nextFixtures} does.
	 */
	Mono<String> name(long team) {
		return data.nextFixtures(team, NEXT_GAMES).flatMap(cached -> Mono.justOrEmpty(cached.value().stream()
			.map(f -> f.home().id() == team ? f.home().name() : f.away().id() == team ? f.away().name() : null)
			.filter(name -> name != null)
			.findFirst()));
	}

	/** A country as API-Football names it (in English), in the reader's language where the bundles know it. */
	private String country(String country, Locale locale) {
		String key = "country." + country.replace(' ', '_');
		return messages.has(locale, key) ? messages.get(locale, key) : country;
	}

	private InlineKeyboardMarkup buttons(List<FoundTeam> teams, Locale locale, LongFunction<String> data) {
		Keyboard keyboard = Keyboard.create();
		teams.forEach(team -> keyboard.button(team.name() + (team.country() == null ? "" : " (" + country(team.country(),
				locale) + ")"), data.apply(team.id())));
		return menus.backTo(keyboard, CallbackData.SEARCH, locale).build();
	}

	/**
	 * The team's next games, kick-offs in the reader's zone, teams by the names fans write; a polite screen instead
	 * of an upstream error. {@code name}: the team's name when known (a team with no game left has no fixture to
	 * take it from), else null.
	 */
	Mono<Screen> games(long team, String name, Reader reader) {
		return games(team, name, reader, null);
	}

	/**
	 * The same, with a 🔔 button to follow the team, or 🔕 to stop, for {@code follower} (none if null). Whether the
	 * chat follows the team is read from the store; if it cannot be, the button offers to follow.
	 */
	Mono<Screen> games(long team, String name, Reader reader, Follower follower) {
		Mono<Boolean> followed = following == null || follower == null ? Mono.just(Boolean.FALSE)
				: following.follows(follower.bot(), follower.chat(), Followed.Kind.TEAM, team).onErrorReturn(Boolean.FALSE);
		boolean button = following != null && follower != null;
		return followed.flatMap(follows -> games(team, name, reader, button, follows));
	}

	private Mono<Screen> games(long team, String name, Reader reader, boolean button, boolean follows) {
		Locale locale = reader.locale();
		return data.nextFixtures(team, NEXT_GAMES).map(cached -> {
			List<Fixture> games = cached.value();
			if (games.isEmpty()) {
				return new Screen(name == null ? messages.get(locale, "search.next.none.html")
						: messages.get(locale, "search.next.empty.html", Html.escape(TeamNames.display(name))),
						menus.backOnly(CallbackData.SEARCH, locale));
			}
			Fixture first = games.get(0);
			String shown = TeamNames.display(first.home().id() == team ? first.home().name() : first.away().name());
			Keyboard keyboard = Keyboard.create();
			String here = CallbackData.of(CallbackData.TEAM, team);
			games.forEach(f -> keyboard.button(messages.get(locale, "fixture.button", Format.dayTime(f.kickoff(), reader.zone()),
					TeamNames.display(f.home().name()), TeamNames.display(f.away().name())), Menus.fixture(f.id(), here)));
			if (button) {
				keyboard.button(messages.get(locale, follows ? "button.unfollow" : "button.follow"),
						CallbackData.of(follows ? CallbackData.UNFOLLOW : CallbackData.FOLLOW, CallbackData.TEAM_KIND, team));
			}
			return new Screen(messages.get(locale, "search.next.html", Html.escape(shown), Format.zone(reader.zone(), messages,
					locale)), menus.backTo(keyboard, CallbackData.SEARCH, locale).build());
		}).onErrorResume(error -> unavailable(error, locale));
	}

	/** The sentence for an upstream failure the bot knows (down, quota, …); other errors go on. */
	Mono<Screen> unavailable(Throwable error, Locale locale) {
		return FootballErrors.screen(error, messages, menus, locale);
	}
}
