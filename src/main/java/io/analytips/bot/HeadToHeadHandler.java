package io.analytips.bot;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.analytips.football.FixtureNotFoundException;
import io.analytips.football.FootballData;
import io.analytips.football.api.Fixture;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.Html;
import reactor.core.publisher.Mono;

/**
 * A fixture's head-to-head, from its menu ({@code hh:<fixture>:<origin of the menu>}): the last meetings of its two
 * teams (at most {@value #MEETINGS}), each with its date in the reader's zone, competition, score and venue, and how
 * many each side won. One upstream call ({@code fixtures/headtohead}), cached; no model run. Its back button returns
 * to the fixture's menu (which keeps its own way back).
 */
final class HeadToHeadHandler implements Handler {

	static final int MEETINGS = 10;

	private final FootballData data;

	private final Messages messages;

	private final Menus menus;

	private final Leagues leagues;

	private final Preferences preferences;

	private final DisplayNames teams;

	HeadToHeadHandler(FootballData data, Messages messages, Menus menus, Leagues leagues, Preferences preferences,
			DisplayNames teams) {
		this.data = data;
		this.messages = messages;
		this.menus = menus;
		this.leagues = leagues;
		this.preferences = preferences;
		this.teams = teams;
	}

	@Override
	public boolean supports(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		return pressed != null && pressed.isAtLeast(CallbackData.HEAD_TO_HEAD, 1)
				&& pressed.arguments().get(0).matches("\\d{1,12}");
	}

	/** Work, not navigation: the meetings of a pair are an upstream call of their own (cached, but rarely shared). */
	@Override
	public boolean isNavigation(UpdateContext context) {
		return false;
	}

	@Override
	public String action(UpdateContext context) {
		return "h2h";
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		long id = pressed.longArgument(0);
		String menu = Menus.fixture(id, pressed.origin(1, CallbackData.TODAY));
		return preferences.of(context).flatMap(reader -> data.fixture(id)
			.switchIfEmpty(Mono.error(() -> new FixtureNotFoundException(id)))
			.flatMap(fixture -> data.headToHead(fixture.value().home().id(), fixture.value().away().id(), MEETINGS)
				.map(meetings -> screen(fixture.value(), meetings.value(), menu, reader)))
			.onErrorResume(error -> FootballErrors.message(error, messages, reader.locale())
				.map(sentence -> new Screen(Html.escape(sentence), menus.backOnly(menu, reader.locale())))
				.switchIfEmpty(Mono.error(error)))
			.flatMap(screen -> screen.show(context)));
	}

	/** The meetings of {@code fixture}'s teams in {@code found} (in any order), most recent first. */
	Screen screen(Fixture fixture, List<Fixture> found, String menu, Reader reader) {
		Locale locale = reader.locale();
		String home = teams.display(fixture.home().name());
		String away = teams.display(fixture.away().name());
		List<Fixture> meetings = found.stream()
			.filter(f -> f.id() != fixture.id() && f.isFinished() && f.homeGoals() != null && f.awayGoals() != null
					&& f.kickoff() != null)
			.sorted(Comparator.comparing(Fixture::kickoff).reversed())
			.limit(MEETINGS)
			.toList();
		if (meetings.isEmpty()) {
			return new Screen(messages.get(locale, "h2h.empty.html", Html.escape(home), Html.escape(away)),
					menus.backOnly(menu, locale));
		}
		StringBuilder text = new StringBuilder(messages.get(locale, "h2h.html", Html.escape(home), Html.escape(away),
				String.valueOf(meetings.size()), Html.escape(Format.zone(reader.zone(), messages, locale))));
		int homeWins = 0;
		int draws = 0;
		int awayWins = 0;
		for (Fixture f : meetings) {
			text.append("\n\n").append(meeting(f, reader));
			int difference = f.homeGoals() - f.awayGoals();
			if (difference == 0) {
				draws++;
			}
			else if ((difference > 0) == (f.home().id() == fixture.home().id())) {
				homeWins++;
			}
			else {
				awayWins++;
			}
		}
		text.append("\n\n").append(messages.get(locale, "h2h.summary.html", Html.escape(home), String.valueOf(homeWins),
				String.valueOf(draws), Html.escape(away), String.valueOf(awayWins)));
		return new Screen(text.toString(), menus.backOnly(menu, locale));
	}

	/** "09/03/2024 · Premier League", then "Arsenal <b>2-1</b> Chelsea · 🏟 Emirates Stadium". */
	private String meeting(Fixture f, Reader reader) {
		Locale locale = reader.locale();
		String venue = f.venue() == null || f.venue().isBlank() ? ""
				: messages.get(locale, "h2h.venue.html", Html.escape(f.venue()));
		return messages.get(locale, "h2h.meeting.html", Format.date(f.kickoff(), reader.zone()),
				Html.escape(leagues.name(f.league(), locale)), Html.escape(teams.display(f.home().name())),
				String.valueOf(f.homeGoals()), String.valueOf(f.awayGoals()), Html.escape(teams.display(f.away().name())),
				venue);
	}
}
