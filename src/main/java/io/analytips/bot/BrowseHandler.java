package io.analytips.bot;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.analytips.football.FootballData;
import io.analytips.football.api.Fixture;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.Html;
import reactor.core.publisher.Mono;

/** Today's games by league, the leagues list, a league's games (paged) and a fixture's analysis menu. */
final class BrowseHandler implements Handler {

	static final int PAGE = 8;

	private final FootballData data;

	private final List<Integer> leagues;

	private final Messages messages;

	private final Menus menus;

	private final Leagues names;

	BrowseHandler(FootballData data, List<Integer> leagues, Messages messages, Menus menus, Leagues names) {
		this.data = data;
		this.leagues = List.copyOf(leagues);
		this.messages = messages;
		this.menus = menus;
		this.names = names;
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
		CallbackData data = CallbackData.parse(context.callbackData());
		return data != null && (data.is(CallbackData.TODAY, 0) || data.is(CallbackData.LEAGUES, 0)
				|| data.is(CallbackData.LEAGUE, 2) || data.is(CallbackData.FIXTURE, 1));
	}

	@Override
	public String action(UpdateContext context) {
		return switch (CallbackData.parse(context.callbackData()).action()) {
			case CallbackData.TODAY -> "today";
			case CallbackData.LEAGUES -> "leagues";
			case CallbackData.LEAGUE -> "league";
			default -> "fixture";
		};
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		Locale locale = context.locale();
		Mono<Screen> screen = switch (pressed.action()) {
			case CallbackData.TODAY -> today(locale);
			case CallbackData.LEAGUES -> Mono.just(leagues(locale));
			case CallbackData.LEAGUE -> league(pressed.intArgument(0), pressed.intArgument(1), locale);
			default -> fixture(pressed.longArgument(0), locale);
		};
		return screen.onErrorResume(error -> FootballErrors.message(error, messages, locale)
			.map(message -> new Screen(Html.escape(message), menus.backOnly(CallbackData.MENU, locale)))
			.switchIfEmpty(Mono.error(error))).flatMap(s -> s.show(context));
	}

	private Mono<Screen> today(Locale locale) {
		return data.fixturesOn(data.today()).map(cached -> {
			Map<Integer, List<Fixture>> byLeague = byLeague(cached.value());
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

	private Screen leagues(Locale locale) {
		Keyboard keyboard = Keyboard.create();
		leagues.forEach(league -> keyboard.button(names.name(league, locale), CallbackData.of(CallbackData.LEAGUE, league, 0)));
		return new Screen(messages.get(locale, "leagues.html"), menus.backTo(keyboard, CallbackData.MENU, locale).build());
	}

	private Mono<Screen> league(int league, int page, Locale locale) {
		return data.fixturesOn(data.today()).map(cached -> {
			List<Fixture> fixtures = cached.value().stream().filter(f -> f.league().id() == league).toList();
			if (fixtures.isEmpty()) {
				return new Screen(messages.get(locale, "league.empty.html", Html.escape(names.name(league, locale))),
						menus.backOnly(CallbackData.TODAY, locale));
			}
			int pages = (fixtures.size() + PAGE - 1) / PAGE;
			int current = Math.max(0, Math.min(page, pages - 1));
			ZoneId zone = data.zone();
			Keyboard keyboard = Keyboard.create();
			fixtures.subList(current * PAGE, Math.min(fixtures.size(), (current + 1) * PAGE))
				.forEach(f -> keyboard.button(messages.get(locale, "fixture.button", Format.time(f.kickoff(), zone),
						f.home().name(), f.away().name()), CallbackData.of(CallbackData.FIXTURE, f.id())));
			if (current > 0 || current < pages - 1) {
				List<String> paging = new ArrayList<>();
				if (current > 0) {
					paging.add(messages.get(locale, "button.previous"));
					paging.add(CallbackData.of(CallbackData.LEAGUE, league, current - 1));
				}
				if (current < pages - 1) {
					paging.add(messages.get(locale, "button.next"));
					paging.add(CallbackData.of(CallbackData.LEAGUE, league, current + 1));
				}
				keyboard.row(paging.toArray(String[]::new));
			}
			return new Screen(messages.get(locale, "league.html", Html.escape(names.name(fixtures.get(0).league(), locale)),
					Format.day(data.today()), Format.zone(zone, messages, locale)),
					menus.backTo(keyboard, CallbackData.TODAY, locale).build());
		});
	}

	private Mono<Screen> fixture(long id, Locale locale) {
		return data.fixture(id)
			.switchIfEmpty(Mono.error(() -> new io.analytips.football.FixtureNotFoundException(id)))
			.map(cached -> {
				Fixture f = cached.value();
				String back = CallbackData.of(CallbackData.LEAGUE, f.league().id(), 0);
				return new Screen(messages.get(locale, "fixture.html", Html.escape(f.home().name()),
						Html.escape(f.away().name()), Html.escape(names.name(f.league(), locale)),
						Format.kickoff(f.kickoff(), data.zone(), messages, locale)),
						menus.analyses(id, back, locale));
			});
	}

	/** Fixtures grouped by league, leagues in the configured order. */
	private Map<Integer, List<Fixture>> byLeague(List<Fixture> fixtures) {
		Map<Integer, List<Fixture>> byLeague = new LinkedHashMap<>();
		for (int league : leagues) {
			List<Fixture> ofLeague = fixtures.stream().filter(f -> f.league().id() == league).toList();
			if (!ofLeague.isEmpty()) {
				byLeague.put(league, ofLeague);
			}
		}
		return byLeague;
	}
}
