package io.analytips.bot;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.analytips.football.FootballData;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.League;
import io.analytips.football.cache.Cached;
import io.analytips.follow.Following;
import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.store.Followed;
import io.analytips.telegram.Html;
import reactor.core.publisher.Mono;

/**
 * The leagues offered ({@code 🏆 Ligas}), each with its table and its next games; and {@code /tabela <league>}
 * ({@code /table}), a league's table in one step. The reads are cached and shared by every user (a league's
 * description and table for a day and three hours, its season's fixtures as the analyses read them).
 */
final class LeaguesHandler implements Handler {

	static final int PAGE = 8;

	private final FootballData data;

	private final List<Integer> offered;

	private final Messages messages;

	private final Menus menus;

	private final Leagues names;

	private final Preferences preferences;

	private final LeagueTable table;

	private final DisplayNames teams;

	private final Clock clock;

	/** Whose follows the hub's 🔔 button shows; null: no button. */
	private final Following following;

	LeaguesHandler(FootballData data, List<Integer> offered, Messages messages, Menus menus, Leagues names,
			Preferences preferences, DisplayNames teams, Clock clock) {
		this(data, offered, messages, menus, names, preferences, teams, clock, null);
	}

	LeaguesHandler(FootballData data, List<Integer> offered, Messages messages, Menus menus, Leagues names,
			Preferences preferences, DisplayNames teams, Clock clock, Following following) {
		this.data = data;
		this.offered = List.copyOf(offered);
		this.messages = messages;
		this.menus = menus;
		this.names = names;
		this.preferences = preferences;
		this.table = new LeagueTable(messages, teams);
		this.teams = teams;
		this.clock = clock;
		this.following = following;
	}

	/** The buttons answer from shared, cached reads; the command counts as work, like every command. */
	@Override
	public boolean isNavigation(UpdateContext context) {
		return true;
	}

	@Override
	public boolean supports(UpdateContext context) {
		Command command = context.command();
		if (command != null) {
			return switch (command.name()) {
				case "tabela", "table", "classificacao", "standings" -> true;
				default -> false;
			};
		}
		CallbackData pressed = CallbackData.parse(context.callbackData());
		return pressed != null && (pressed.is(CallbackData.LEAGUES, 0) || pressed.is(CallbackData.LEAGUE_HUB, 1)
				|| pressed.is(CallbackData.TABLE, 1) || pressed.is(CallbackData.LEAGUE_NEXT, 2));
	}

	@Override
	public String action(UpdateContext context) {
		if (context.command() != null) {
			return "table";
		}
		return switch (CallbackData.parse(context.callbackData()).action()) {
			case CallbackData.LEAGUES -> "leagues";
			case CallbackData.LEAGUE_HUB -> "league_hub";
			case CallbackData.TABLE -> "table";
			default -> "league_games";
		};
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		return preferences.of(context).flatMap(reader -> {
			Command command = context.command();
			if (command != null) {
				return tableCommand(command.arguments(), reader, context.bot().offered(offered)).flatMap(screen -> screen.send(context));
			}
			CallbackData pressed = CallbackData.parse(context.callbackData());
			Mono<Screen> screen = switch (pressed.action()) {
				case CallbackData.LEAGUES -> Mono.just(leagues(reader.locale(), context.bot().offered(offered)));
				case CallbackData.LEAGUE_HUB -> followed(context, pressed.intArgument(0))
					.flatMap(follows -> hub(pressed.intArgument(0), reader.locale(), follows));
				case CallbackData.TABLE -> table(pressed.intArgument(0), reader.locale());
				default -> next(pressed.intArgument(0), pressed.intArgument(1), reader);
			};
			return screen.onErrorResume(error -> FootballErrors.screen(error, messages, menus, reader.locale()))
				.flatMap(s -> s.show(context));
		});
	}

	private Screen leagues(Locale locale, List<Integer> shown) {
		Keyboard keyboard = Keyboard.create();
		shown.forEach(league -> keyboard.button(names.name(league, locale),
				CallbackData.of(CallbackData.LEAGUE_HUB, league)));
		return new Screen(messages.get(locale, "leagues.html"), menus.backTo(keyboard, CallbackData.MENU, locale).build());
	}

	/**
	 * Whether the chat follows the league: nothing when the hub has no 🔔 button, false too when the store cannot say
	 * (the button then offers to follow).
	 */
	private Mono<Optional<Boolean>> followed(UpdateContext context, int league) {
		Follower follower = Follower.of(context);
		if (following == null || follower == null) {
			return Mono.just(Optional.empty());
		}
		return following.follows(follower.bot(), follower.chat(), Followed.Kind.LEAGUE, league)
			.onErrorReturn(Boolean.FALSE)
			.map(Optional::of);
	}

	private Mono<Screen> hub(int league, Locale locale, Optional<Boolean> followed) {
		Keyboard keyboard = Keyboard.create()
			.pair(messages.get(locale, "button.table"), CallbackData.of(CallbackData.TABLE, league),
					messages.get(locale, "button.league.next"), CallbackData.of(CallbackData.LEAGUE_NEXT, league, 0));
		followed.ifPresent(follows -> keyboard.button(messages.get(locale, follows ? "button.unfollow.league"
				: "button.follow.league"), CallbackData.of(follows ? CallbackData.UNFOLLOW : CallbackData.FOLLOW,
						CallbackData.LEAGUE_KIND, league)));
		return current(league).map(found -> new Screen(messages.get(locale, "league.hub.html",
				Html.escape(names.name(league, locale)), Leagues.season(found.value())),
				menus.backTo(keyboard, CallbackData.LEAGUES, locale).build()))
			.defaultIfEmpty(noSeason(league, locale));
	}

	private Mono<Screen> table(int league, Locale locale) {
		return current(league).flatMap(found -> data.standings(league, found.value().currentSeason())
			.map(rows -> new Screen(table.html(names.name(league, locale), Leagues.season(found.value()), rows.value(),
					locale), menus.backTo(Keyboard.create().button(messages.get(locale, "button.league.next"),
							CallbackData.of(CallbackData.LEAGUE_NEXT, league, 0)), CallbackData.of(CallbackData.LEAGUE_HUB, league),
							locale).build())))
			.defaultIfEmpty(noSeason(league, locale));
	}

	/** The league's games still to play, from now on, in kick-off order. */
	private Mono<Screen> next(int league, int page, Reader reader) {
		Locale locale = reader.locale();
		String hub = CallbackData.of(CallbackData.LEAGUE_HUB, league);
		return current(league).flatMap(found -> data.season(league, found.value().currentSeason()).map(season -> {
			List<Fixture> upcoming = season.value().stream()
				.filter(f -> f.isUpcoming() && f.kickoff() != null && f.kickoff().isAfter(clock.instant()))
				.sorted(Comparator.comparing(Fixture::kickoff))
				.toList();
			String name = Html.escape(names.name(league, locale));
			if (upcoming.isEmpty()) {
				return new Screen(messages.get(locale, "league.next.none.html", name), menus.backOnly(hub, locale));
			}
			Pages<Fixture> pages = new Pages<>(upcoming, PAGE, page);
			String here = CallbackData.of(CallbackData.LEAGUE_NEXT, league, pages.current());
			Keyboard keyboard = Keyboard.create();
			pages.items().forEach(f -> keyboard.button(messages.get(locale, "fixture.button",
					Format.dayTime(f.kickoff(), reader.zone()), teams.display(f.home().name()),
					teams.display(f.away().name())), Menus.fixture(f.id(), here)));
			pages.buttons(keyboard, messages, locale, to -> CallbackData.of(CallbackData.LEAGUE_NEXT, league, to));
			return new Screen(messages.get(locale, "league.next.html", name, Format.zone(reader.zone(), messages, locale)),
					menus.backTo(keyboard, hub, locale).build());
		})).defaultIfEmpty(noSeason(league, locale));
	}

	/** {@code /tabela}: the league named, a choice when several (or none) are named. */
	private Mono<Screen> tableCommand(String query, Reader reader, List<Integer> shown) {
		Locale locale = reader.locale();
		List<Integer> found = query.isBlank() ? shown : names.find(query, shown);
		if (found.size() == 1) {
			return table(found.get(0), locale)
				.onErrorResume(error -> FootballErrors.screen(error, messages, menus, locale));
		}
		Keyboard keyboard = Keyboard.create();
		(found.isEmpty() ? shown : found).forEach(league -> keyboard.button(names.name(league, locale),
				CallbackData.of(CallbackData.TABLE, league)));
		String text = query.isBlank() || !found.isEmpty() ? messages.get(locale, "table.choose.html")
				: messages.get(locale, "table.unknown.html", Html.escapeShort(query, 40));
		return Mono.just(new Screen(text, menus.backTo(keyboard, CallbackData.LEAGUES, locale).build()));
	}

	private Mono<Cached<League>> current(int league) {
		return data.league(league);
	}

	private Screen noSeason(int league, Locale locale) {
		return new Screen(messages.get(locale, "league.noseason.html", Html.escape(names.name(league, locale))),
				menus.backOnly(CallbackData.LEAGUES, locale));
	}
}
