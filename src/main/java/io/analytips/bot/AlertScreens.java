package io.analytips.bot;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.analytips.follow.AlertTexts;
import io.analytips.football.analysis.Margin;
import io.analytips.football.api.Fixture;
import io.analytips.store.Alert;
import io.analytips.store.Forecast;
import io.analytips.store.WatchedFixture;
import io.analytips.telegram.Html;
import io.analytips.telegram.model.SendMessage;

/**
 * The alerts' words, in each reader's language and time zone ({@link Alert#reader()}): before kick-off, the result,
 * a match called off, the day's digest. Teams by the names fans write, leagues as the bot names them elsewhere.
 */
final class AlertScreens implements AlertTexts {

	/** The statuses of a match called off, postponed or decided off the pitch, each with its own sentence. */
	static final Set<String> NOTICES = Set.of("PST", "CANC", "ABD", "SUSP", "INT", "AWD", "WO");

	/** The most games a digest gives a button each. */
	static final int DIGEST_BUTTONS = 8;

	private final Messages messages;

	private final Leagues leagues;

	private final DisplayNames names;

	private final ForecastLines lines;

	AlertScreens(Messages messages, Leagues leagues, DisplayNames names) {
		this.messages = messages;
		this.leagues = leagues;
		this.names = names;
		this.lines = new ForecastLines(messages);
	}

	@Override
	public SendMessage before(Alert alert, WatchedFixture fixture, Forecast forecast) {
		Locale locale = locale(alert);
		ZoneId zone = zone(alert);
		String home = names.display(fixture.homeName());
		String away = names.display(fixture.awayName());
		LocalDate today = alert.due().atZone(zone).toLocalDate();
		String time = fixture.kickoff().atZone(zone).toLocalDate().equals(today)
				? messages.get(locale, "alert.today", Format.time(fixture.kickoff(), zone))
				: Format.dayTime(fixture.kickoff(), zone);
		StringBuilder text = new StringBuilder(messages.get(locale, "alert.before.html", Html.escape(home),
				Html.escape(away), Html.escape(leagues.name(fixture.leagueId(), locale)),
				Html.escape(messages.get(locale, "kickoff", time, Format.zone(zone, messages, locale)))));
		if (forecast != null) {
			text.append("\n\n").append(Html.escape(String.join("\n", lines.lines(locale, home, away, forecast.home(),
					forecast.draw(), forecast.away(), forecast.over25()))));
		}
		return SendMessage.html(alert.chatId(), text.toString(), Keyboard.create()
			.button(messages.get(locale, "button.fixture.analysis"), CallbackData.of(CallbackData.FIXTURE, fixture.fixtureId()))
			.build());
	}

	@Override
	public SendMessage result(Alert alert, WatchedFixture fixture, Forecast forecast) {
		Locale locale = locale(alert);
		String home = names.display(fixture.homeName());
		String away = names.display(fixture.awayName());
		Integer homeGoals = fixture.homeGoals() != null ? fixture.homeGoals() : forecast == null ? null : forecast.homeGoals();
		Integer awayGoals = fixture.awayGoals() != null ? fixture.awayGoals() : forecast == null ? null : forecast.awayGoals();
		StringBuilder text = new StringBuilder(messages.get(locale, "alert.result.html", Html.escape(home),
				goals(homeGoals), goals(awayGoals), Html.escape(away), Html.escape(leagues.name(fixture.leagueId(), locale))));
		if (forecast != null && homeGoals != null && awayGoals != null) {
			int outcome = Integer.compare(awayGoals, homeGoals) + 1; // 0 home win, 1 draw, 2 away win
			double[] model = { forecast.home(), forecast.draw(), forecast.away() };
			String result = switch (outcome) {
				case 0 -> messages.get(locale, "analysis.selection.home", home);
				case 1 -> messages.get(locale, "analysis.selection.draw");
				default -> messages.get(locale, "analysis.selection.away", away);
			};
			String given = Format.percents(locale, model)[outcome];
			String line = forecast.hasMarket()
					? messages.get(locale, "alert.result.forecast", given, result, Format.percents(locale,
							Margin.power(forecast.marketHome(), forecast.marketDraw(), forecast.marketAway()))[outcome])
					: messages.get(locale, "alert.result.forecast.alone", given, result);
			text.append("\n\n").append(Html.escape(line));
		}
		return SendMessage.html(alert.chatId(), text.toString(), null);
	}

	private static String goals(Integer goals) {
		return goals == null ? "?" : goals.toString();
	}

	@Override
	public SendMessage notice(Alert alert, WatchedFixture fixture) {
		Locale locale = locale(alert);
		String key = NOTICES.contains(fixture.status()) ? "alert.notice." + fixture.status() + ".html" : "alert.notice.other.html";
		return SendMessage.html(alert.chatId(), messages.get(locale, key, Html.escape(names.display(fixture.homeName())),
				Html.escape(names.display(fixture.awayName())), Html.escape(leagues.name(fixture.leagueId(), locale))), null);
	}

	@Override
	public SendMessage digest(Alert alert, List<Fixture> games) {
		Locale locale = locale(alert);
		ZoneId zone = zone(alert);
		LocalDate day = LocalDate.ofEpochDay(alert.fixtureId());
		StringBuilder lines = new StringBuilder();
		Keyboard keyboard = Keyboard.create();
		int buttons = 0;
		for (Fixture game : games) {
			String home = names.display(game.home().name());
			String away = names.display(game.away().name());
			String time = Format.timeOn(game.kickoff(), zone, day);
			lines.append(lines.isEmpty() ? "" : "\n").append(messages.get(locale, "alert.digest.line.html", time,
					Html.escape(home), Html.escape(away), Html.escape(leagues.name(game.league(), locale))));
			if (buttons++ < DIGEST_BUTTONS) {
				keyboard.button(messages.get(locale, "fixture.button", time, home, away),
						CallbackData.of(CallbackData.FIXTURE, game.id()));
			}
		}
		return SendMessage.html(alert.chatId(), messages.get(locale, "alert.digest.html", Format.day(day),
				Html.escape(Format.zone(zone, messages, locale)), lines), keyboard.build());
	}

	private static Locale locale(Alert alert) {
		return Preferences.localeOf(alert.reader().language());
	}

	/** The reader's zone; UTC should a stored zone be one the JDK no longer knows (the alert still goes). */
	private static ZoneId zone(Alert alert) {
		try {
			return ZoneId.of(alert.reader().timeZone());
		}
		catch (RuntimeException unknown) {
			return ZoneId.of("UTC");
		}
	}
}
