package io.analytips.football.analysis;

import java.util.List;
import java.util.Objects;

/**
 * Everything the model says about one match.
 *
 * @param expectedGoals the model's expected goals
 * @param rho the low-score correction used for the score matrix
 * @param markets goal markets from the score matrix: the model alone
 * @param corners corner markets, or null without corner data
 * @param homeRating the home team's strength in the same fitted model that gives the probabilities
 * @param awayRating the away team's strength in that model
 * @param homeStanding the home team's table line, or null without one
 * @param awayStanding the away team's table line, or null without one
 * @param comparisons the model's probability next to the bookmaker's for the 1X2, over/under 2.5 and both teams
 *        to score, in that order and each market's selection order; empty without prices
 * @param value the selections the {@link ValueRule} flags as value, best edge first; empty without prices
 * @param disagreements the selections whose edge is above the rule's plausibility cap, best edge first: shown
 *        as the model disagreeing with the market, never as value
 * @param homeMatches the home team's matches in the model
 * @param awayMatches the away team's matches in the model
 * @param forecast the 1X2 and over 2.5 shown as the forecast: the model's pooled with the fixture's own price where
 *        the league's settings say so and the price was read, the model's alone otherwise
 */
public record MatchAnalysis(ExpectedGoals expectedGoals, double rho, Markets markets, CornerMarkets corners,
		TeamRating homeRating, TeamRating awayRating, TeamStanding homeStanding, TeamStanding awayStanding,
		List<ValueBet> comparisons, List<ValueBet> value, List<ValueBet> disagreements, int homeMatches,
		int awayMatches, PooledForecast forecast) {

	public MatchAnalysis {
		Objects.requireNonNull(expectedGoals, "expectedGoals");
		Objects.requireNonNull(markets, "markets");
		Objects.requireNonNull(homeRating, "homeRating");
		Objects.requireNonNull(awayRating, "awayRating");
		Objects.requireNonNull(forecast, "forecast");
		comparisons = List.copyOf(comparisons);
		value = List.copyOf(value);
		disagreements = List.copyOf(disagreements);
	}

	/** An analysis whose forecast is the model's alone. */
	public MatchAnalysis(ExpectedGoals expectedGoals, double rho, Markets markets, CornerMarkets corners,
			TeamRating homeRating, TeamRating awayRating, TeamStanding homeStanding, TeamStanding awayStanding,
			List<ValueBet> comparisons, List<ValueBet> value, List<ValueBet> disagreements, int homeMatches,
			int awayMatches) {
		this(expectedGoals, rho, markets, corners, homeRating, awayRating, homeStanding, awayStanding, comparisons, value,
				disagreements, homeMatches, awayMatches, PooledForecast.modelAlone(markets));
	}

	/** The smaller of the two teams' matches in the model: what the confidence of a comparison rests on. */
	public int dataSize() {
		return Math.min(homeMatches, awayMatches);
	}
}
