package io.analytips.football.analysis;

import java.util.List;
import java.util.Objects;

/**
 * Everything the model says about one match.
 *
 * @param expectedGoals the model's expected goals
 * @param rho the low-score correction used for the score matrix
 * @param markets goal markets from the score matrix
 * @param corners corner markets, or null without corner data
 * @param homeQuality the home team's quality score, or null without a table line
 * @param awayQuality the away team's quality score, or null without a table line
 * @param value value bets against the bookmaker, best edge first; empty without prices
 * @param dataSize the smaller of the two teams' matches in the model
 */
public record MatchAnalysis(ExpectedGoals expectedGoals, double rho, Markets markets, CornerMarkets corners,
		QualityScore homeQuality, QualityScore awayQuality, List<ValueBet> value, int dataSize) {

	public MatchAnalysis {
		Objects.requireNonNull(expectedGoals, "expectedGoals");
		Objects.requireNonNull(markets, "markets");
		value = List.copyOf(value);
	}
}
