package io.analytips.football.analysis;

import static io.analytips.football.analysis.Probabilities.requireProbability;

/**
 * The probability of one exact score.
 *
 * @param home home goals
 * @param away away goals
 * @param probability P(the match ends home-away)
 */
public record ScoreProbability(int home, int away, double probability) {

	public ScoreProbability {
		if (home < 0 || away < 0) {
			throw new IllegalArgumentException("scores must be >= 0: " + home + "-" + away);
		}
		requireProbability(probability, "probability");
	}
}
