package io.analytips.store;

import java.time.Instant;

/**
 * The forecast the bot sent before a fixture kicked off, with the market's prices at that moment (decimal odds, null
 * where no bookmaker priced it), and the score once the match ended (null until then).
 *
 * @param home the probability of a home win the analysis showed (the model's, or pooled with the fixture's own price
 *        where the league's settings say so); {@code draw} and {@code away} likewise
 * @param over25 the probability of three goals or more it showed, null if it gave none
 */
public record Forecast(long fixtureId, int leagueId, Instant kickoff, Instant madeAt, double home, double draw,
		double away, Double over25, Double marketHome, Double marketDraw, Double marketAway, String bookmaker,
		Integer homeGoals, Integer awayGoals) {

	/** Whether the market priced all three outcomes. */
	public boolean hasMarket() {
		return marketHome != null && marketDraw != null && marketAway != null;
	}

	/** Whether the match has ended and its score is known. */
	public boolean settled() {
		return homeGoals != null && awayGoals != null;
	}
}
