package io.analytips.football.analysis;

import java.util.List;
import java.util.Optional;

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

	/**
	 * The record of both teams from their recent matches' corners (the bot's and the backtest's one way of
	 * averaging them): each average over that team's matches, its sample their number.
	 *
	 * @param home the home team's recent matches
	 * @param away the away team's recent matches
	 * @return empty when neither team has a match: there is nothing to shrink towards the prior
	 */
	public static Optional<CornerStats> fromRecent(List<CornerCount> home, List<CornerCount> away) {
		if (home.isEmpty() && away.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new CornerStats(average(home, true), average(home, false), home.size(), average(away, true),
				average(away, false), away.size()));
	}

	private static double average(List<CornerCount> counts, boolean won) {
		return counts.isEmpty() ? 0
				: counts.stream().mapToInt(c -> won ? c.won() : c.conceded()).sum() / (double) counts.size();
	}
}
