package io.analytips.football.analysis;

import static io.analytips.football.analysis.Probabilities.requireNonNegative;

/**
 * Both teams' recent corner record: average corners won and conceded per match, and how many
 * matches those averages come from.
 *
 * @param homeWonAvg corners the home team won per match
 * @param homeConcededAvg corners the home team conceded per match
 * @param homeSample the home team's matches seen, 0 if none
 * @param awayWonAvg corners the away team won per match
 * @param awayConcededAvg corners the away team conceded per match
 * @param awaySample the away team's matches seen, 0 if none
 */
public record CornerStats(double homeWonAvg, double homeConcededAvg, int homeSample, double awayWonAvg,
		double awayConcededAvg, int awaySample) {

	public CornerStats {
		requireNonNegative(homeWonAvg, "homeWonAvg");
		requireNonNegative(homeConcededAvg, "homeConcededAvg");
		requireNonNegative(awayWonAvg, "awayWonAvg");
		requireNonNegative(awayConcededAvg, "awayConcededAvg");
		if (homeSample < 0 || awaySample < 0) {
			throw new IllegalArgumentException("samples must be >= 0: " + homeSample + ", " + awaySample);
		}
	}
}
