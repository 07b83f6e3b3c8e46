package io.analytips.football.analysis;

/** Argument checks shared by the records that carry probabilities. */
final class Probabilities {

	/** Slack for sums computed in floating point. */
	private static final double EPSILON = 1e-9;

	private Probabilities() {
	}

	static double requireProbability(double p, String name) {
		if (!(p >= -EPSILON && p <= 1 + EPSILON)) {
			throw new IllegalArgumentException(name + " must be a probability in [0, 1]: " + p);
		}
		return p;
	}

	static double requireNonNegative(double value, String name) {
		if (!(value >= 0) || Double.isInfinite(value)) {
			throw new IllegalArgumentException(name + " must be finite and >= 0: " + value);
		}
		return value;
	}
}
