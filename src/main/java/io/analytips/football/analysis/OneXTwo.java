package io.analytips.football.analysis;

import static io.analytips.football.analysis.Probabilities.requireProbability;

/**
 * Probabilities of the three full-time results.
 *
 * @param home the home side wins
 * @param draw a draw
 * @param away the away side wins
 */
public record OneXTwo(double home, double draw, double away) {

	public OneXTwo {
		requireProbability(home, "home");
		requireProbability(draw, "draw");
		requireProbability(away, "away");
	}

	/** The three probabilities in bookmaker order: home, draw, away. */
	public double[] toArray() {
		return new double[] { home, draw, away };
	}
}
