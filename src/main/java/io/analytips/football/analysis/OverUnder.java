package io.analytips.football.analysis;

import static io.analytips.football.analysis.Probabilities.requireProbability;

/**
 * Probabilities of a total (goals or corners) going over or under a line such as 2.5.
 *
 * @param line the line; half lines have no push, so {@code over + under = 1}
 * @param over P(total > line)
 * @param under P(total < line)
 */
public record OverUnder(double line, double over, double under) {

	public OverUnder {
		if (!(line >= 0) || Double.isInfinite(line)) {
			throw new IllegalArgumentException("line must be finite and >= 0: " + line);
		}
		requireProbability(over, "over");
		requireProbability(under, "under");
	}
}
