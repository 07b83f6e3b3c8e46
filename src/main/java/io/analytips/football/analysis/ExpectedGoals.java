package io.analytips.football.analysis;

/**
 * Expected goals of each side in one match: the Poisson means λ (home) and μ (away).
 *
 * @param home the home side's expected goals, finite and positive
 * @param away the away side's expected goals, finite and positive
 */
public record ExpectedGoals(double home, double away) {

	public ExpectedGoals {
		requirePositive(home, "home");
		requirePositive(away, "away");
	}

	/** Expected goals in the match, both sides together. */
	public double total() {
		return home + away;
	}

	private static void requirePositive(double value, String name) {
		if (!(value > 0) || Double.isInfinite(value)) {
			throw new IllegalArgumentException(name + " expected goals must be finite and > 0: " + value);
		}
	}
}
