package io.analytips.follow;

import java.util.List;

import io.analytips.football.api.Fixture;
import io.analytips.store.Alert;
import io.analytips.store.Forecast;
import io.analytips.store.WatchedFixture;
import io.analytips.telegram.model.SendMessage;

/**
 * The words of the alerts, in the reader's language and time zone ({@link Alert#reader()}): the bot's to write. Each
 * method is pure and fast (it runs once per follower); it never returns null.
 */
public interface AlertTexts {

	/**
	 * Before kick-off: the fixture, its kick-off in the reader's zone, the model's 1X2 and goals in three lines, and a
	 * button to the full analysis. {@code forecast} is null when the analysis could not be had (the alert then says
	 * the kick-off alone).
	 */
	SendMessage before(Alert alert, WatchedFixture fixture, Forecast forecast);

	/**
	 * After the final whistle: the score, and, when there was a forecast, the probability the bot had given the result
	 * beside the market's.
	 */
	SendMessage result(Alert alert, WatchedFixture fixture, Forecast forecast);

	/** The match was postponed, cancelled or abandoned ({@link WatchedFixture#status()}). */
	SendMessage notice(Alert alert, WatchedFixture fixture);

	/** The reader's day: {@code games} (never empty) of what they follow, in kick-off order. */
	SendMessage digest(Alert alert, List<Fixture> games);
}
