package io.analytips.bot;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.analytips.football.FixtureNotFoundException;
import io.analytips.football.FootballData;
import io.analytips.football.api.Fixture;
import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.Html;
import reactor.core.publisher.Mono;

/**
 * Today's games by league, a league's games today (paged), and a fixture's analysis menu, whose back button
 * returns to the list it was opened from. Kick-offs are in the reader's time zone.
 */
final class BrowseHandler implements Handler {

	static final int PAGE = 8;

	/** The commands that open today's games, as a new message (the menu's button edits the menu instead). */
	static final Set<String> TODAY_COMMANDS = Set.of("hoje", "today");

	/** Commands that are a team's next games with a name ({@link NextGamesHandler}) and today's games without one. */
	static final Set<String> GAMES_COMMANDS = Set.of("jogos", "games");

	private final FootballData data;

	private final List<Integer> leagues;

	private final Messages messages;

	private final Menus menus;

	private final Leagues names;

	private final Preferences preferences;

	private final DisplayNames teams;

	BrowseHandler(FootballData data, List<Integer> leagues, Messages messages, Menus menus, Leagues names,
			Preferences preferences, DisplayNames teams) {
		this.data = data;
		this.leagues = List.copyOf(leagues);
		this.messages = messages;
		this.menus = menus;
		this.names = names;
		this.preferences = preferences;
		this.teams = teams;
	}

	/**
	 * Moving between today's leagues, a league's games and a fixture's menu: the day's fixtures are
	 * one bulk call shared by every user and cached, so pressing these costs no upstream call of
	 * its own (a cold cache aside) and no model run.
	 */
	@Override
	public boolean isNavigation(UpdateContext context) {
		return true;
	}

	@Override
	public boolean supports(UpdateContext context) {
		if (isTodayCommand(context)) {
			return true;
		}
		CallbackData data = CallbackData.parse(context.callbackData());
		return data != null && (data.is(CallbackData.TODAY, 0) || data.is(CallbackData.LEAGUE, 2)
				|| data.isAtLeast(CallbackData.FIXTURE, 1));
	}

	/** {@code /hoje}, {@code /today}, and {@code /jogos} or {@code /games} without a team's name. */
	private static boolean isTodayCommand(UpdateContext context) {
		Command command = context.command();
		return command != null && (TODAY_COMMANDS.contains(command.name())
				|| GAMES_COMMANDS.contains(command.name()) && command.arguments().isBlank());
	}

	@Override
	public String action(UpdateContext context) {
		if (isTodayCommand(context)) {
			return "today";
		}
		return switch (CallbackData.parse(context.callbackData()).action()) {
			case CallbackData.TODAY -> "today";
			case CallbackData.LEAGUE -> "league";
			default -> "fixture";
		};
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		CallbackData pressed = isTodayCommand(context) ? CallbackData.parse(CallbackData.TODAY)
				: CallbackData.parse(context.callbackData());
		return preferences.of(context).flatMap(reader -> {
			Mono<Screen> screen = switch (pressed.action()) {
				case CallbackData.TODAY -> today(reader.locale(), context.bot().offered(leagues));
				case CallbackData.LEAGUE -> league(pressed.intArgument(0), pressed.intArgument(1), reader);
				default -> fixture(pressed.longArgument(0), pressed.origin(1, CallbackData.TODAY), reader);
			};
			return screen.onErrorResume(error -> FootballErrors.screen(error, messages, menus, reader.locale()))
				.flatMap(s -> s.show(context));
		});
	}

	private Mono<Screen> today(Locale locale, List<Integer> shown) {
		return data.fixturesOn(data.today()).map(cached -> {
			Map<Integer, List<Fixture>> byLeague = byLeague(cached.value(), shown);
			String day = Format.day(data.today());
			if (byLeague.isEmpty()) {
				return new Screen(messages.get(locale, "today.empty.html", day), menus.backOnly(CallbackData.MENU, locale));
			}
			Keyboard keyboard = Keyboard.create();
			byLeague.forEach((league, fixtures) -> keyboard.button(messages.get(locale, "today.league.button",
					names.name(fixtures.get(0).league(), locale), String.valueOf(fixtures.size())),
					CallbackData.of(CallbackData.LEAGUE, league, 0)));
			return new Screen(messages.get(locale, "today.html", day), menus.backTo(keyboard, CallbackData.MENU, locale).build());
		});
	}

	private Mono<Screen> league(int league, int page, Reader reader) {
		Locale locale = reader.locale();
		LocalDate today = data.today();
		return data.fixturesOn(today).map(cached -> {
			List<Fixture> fixtures = cached.value().stream().filter(f -> f.league().id() == league).toList();
			if (fixtures.isEmpty()) {
				return new Screen(messages.get(locale, "league.empty.html", Html.escape(names.name(league, locale))),
						menus.backOnly(CallbackData.TODAY, locale));
			}
			Pages<Fixture> pages = new Pages<>(fixtures, PAGE, page);
			String here = CallbackData.of(CallbackData.LEAGUE, league, pages.current());
			Keyboard keyboard = Keyboard.create();
			pages.items().forEach(f -> keyboard.button(messages.get(locale, "fixture.button",
					Format.timeOn(f.kickoff(), reader.zone(), today), teams.display(f.home().name()),
					teams.display(f.away().name())), Menus.fixture(f.id(), here)));
			pages.buttons(keyboard, messages, locale, to -> CallbackData.of(CallbackData.LEAGUE, league, to));
			return new Screen(messages.get(locale, "league.html", Html.escape(names.name(fixtures.get(0).league(), locale)),
					Format.day(today), Format.zone(reader.zone(), messages, locale)),
					menus.backTo(keyboard, CallbackData.TODAY, locale).build());
		});
	}

	/**
	 * A fixture's analysis menu, its back button to {@code origin}; errors with {@link FixtureNotFoundException} for an
	 * unknown fixture, or with the upstream error that left it unknown. Also what a deep link to it opens.
	 */
	Mono<Screen> fixture(long id, String origin, Reader reader) {
		Locale locale = reader.locale();
		return data.fixture(id)
			.switchIfEmpty(Mono.error(() -> new FixtureNotFoundException(id)))
			.map(cached -> {
				Fixture f = cached.value();
				return new Screen(messages.get(locale, "fixture.html", Html.escape(teams.display(f.home().name())),
						Html.escape(teams.display(f.away().name())), Html.escape(names.name(f.league(), locale)),
						Format.kickoff(f.kickoff(), reader.zone(), messages, locale)),
						menus.analyses(id, origin, locale, follow(f.home().id(), f.home().name(), locale),
								CallbackData.of(CallbackData.FOLLOW, CallbackData.TEAM_KIND, f.home().id()),
								follow(f.away().id(), f.away().name(), locale),
								CallbackData.of(CallbackData.FOLLOW, CallbackData.TEAM_KIND, f.away().id())));
			});
	}

	/** "🔔 Palmeiras": follows the team (who follows it already is told so, with the button to stop). */
	private String follow(long team, String name, Locale locale) {
		return messages.get(locale, "button.follow.team", teams.display(name, 16));
	}

	/** Fixtures grouped by league, leagues in the configured order. */
	private Map<Integer, List<Fixture>> byLeague(List<Fixture> fixtures, List<Integer> shown) {
		Map<Integer, List<Fixture>> byLeague = new LinkedHashMap<>();
		for (int league : shown) {
			List<Fixture> ofLeague = fixtures.stream().filter(f -> f.league().id() == league).toList();
			if (!ofLeague.isEmpty()) {
				byLeague.put(league, ofLeague);
			}
		}
		return byLeague;
	}
}
