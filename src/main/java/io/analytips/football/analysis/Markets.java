package io.analytips.football.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import static io.analytips.football.analysis.Probabilities.requireProbability;

/**
 * The goal markets read off a score matrix.
 *
 * @param result the 1X2 probabilities
 * @param goals total goals over/under for the lines 0.5 to 4.5, in ascending order
 * @param bothTeamsScore P(both teams score)
 * @param likeliestScores the most likely exact scores, most likely first
 */
public record Markets(OneXTwo result, List<OverUnder> goals, double bothTeamsScore,
		List<ScoreProbability> likeliestScores) {

	/** The goal lines priced by {@link #from}. */
	public static final List<Double> GOAL_LINES = List.of(0.5, 1.5, 2.5, 3.5, 4.5);

	/** How many exact scores {@link #from} lists. */
	public static final int LIKELIEST_SCORES = 5;

	public Markets {
		Objects.requireNonNull(result, "result");
		goals = List.copyOf(goals);
		requireProbability(bothTeamsScore, "bothTeamsScore");
		likeliestScores = List.copyOf(likeliestScores);
	}

	/**
	 * Sums the matrix: home win is {@code Σ_{i>j}}, draw the diagonal, away win {@code Σ_{i<j}};
	 * over a line is every cell with {@code i + j} above it; both teams score is every cell with
	 * {@code i, j ≥ 1}. Ties among exact scores go to the fewer goals, then the fewer home goals.
	 */
	public static Markets from(ScoreMatrix m) {
		Objects.requireNonNull(m, "m");
		double home = 0;
		double draw = 0;
		double away = 0;
		double btts = 0;
		List<ScoreProbability> scores = new ArrayList<>();
		for (int i = 0; i <= m.maxGoals(); i++) {
			for (int j = 0; j <= m.maxGoals(); j++) {
				double p = m.probability(i, j);
				if (i > j) {
					home += p;
				}
				else if (i == j) {
					draw += p;
				}
				else {
					away += p;
				}
				if (i >= 1 && j >= 1) {
					btts += p;
				}
				scores.add(new ScoreProbability(i, j, p));
			}
		}
		List<OverUnder> goals = new ArrayList<>();
		for (double line : GOAL_LINES) {
			double over = m.over(line);
			goals.add(new OverUnder(line, over, 1 - over));
		}
		scores.sort(Comparator.comparingDouble(ScoreProbability::probability)
			.reversed()
			.thenComparingInt(s -> s.home() + s.away())
			.thenComparingInt(ScoreProbability::home));
		List<ScoreProbability> likeliest = scores.subList(0, Math.min(LIKELIEST_SCORES, scores.size()));
		return new Markets(new OneXTwo(home, draw, away), goals, btts, likeliest);
	}

	/** The same markets with another P(both teams score) ({@link BothTeamsScoreCalibration}). */
	public Markets withBothTeamsScore(double probability) {
		return new Markets(result, goals, probability, likeliestScores);
	}

	/** The over/under entry for a line, or null if the line is not priced here. */
	public OverUnder goals(double line) {
		for (OverUnder entry : goals) {
			if (entry.line() == line) {
				return entry;
			}
		}
		return null;
	}
}
