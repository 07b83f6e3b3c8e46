package io.analytips.follow;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import io.analytips.football.api.Fixture;
import io.analytips.store.Alert;
import io.analytips.store.Forecast;
import io.analytips.store.WatchedFixture;
import io.analytips.telegram.model.SendMessage;

/** Alert words for tests: what each alert says, plainly enough to assert on, kick-offs in the reader's zone. */
final class PlainAlertTexts implements AlertTexts {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	@Override
	public SendMessage before(Alert alert, WatchedFixture fixture, Forecast forecast) {
		return SendMessage.html(alert.chatId(), "before " + fixture.homeName() + " x " + fixture.awayName() + " at "
				+ TIME.format(fixture.kickoff().atZone(ZoneId.of(alert.reader().timeZone())))
				+ (forecast == null ? "" : " home " + Math.round(forecast.home() * 100) + "%"), null);
	}

	@Override
	public SendMessage result(Alert alert, WatchedFixture fixture, Forecast forecast) {
		return SendMessage.html(alert.chatId(), "result " + fixture.homeName() + " " + fixture.homeGoals() + "-"
				+ fixture.awayGoals() + " " + fixture.awayName() + (forecast == null ? "" : " (forecast)"), null);
	}

	@Override
	public SendMessage notice(Alert alert, WatchedFixture fixture) {
		return SendMessage.html(alert.chatId(), "notice " + fixture.homeName() + " " + fixture.status(), null);
	}

	@Override
	public SendMessage digest(Alert alert, List<Fixture> games) {
		return SendMessage.html(alert.chatId(), "digest " + games.stream()
			.map(game -> TIME.format(game.kickoff().atZone(ZoneId.of(alert.reader().timeZone()))) + " "
					+ game.home().name())
			.collect(Collectors.joining(", ")), null);
	}
}
