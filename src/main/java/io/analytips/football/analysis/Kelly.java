package io.analytips.football.analysis;

/** Stake sizing by fractional Kelly. */
final class Kelly {

	/**
	 * A quarter of full Kelly: errors in the model probability go straight into the stake, and full
	 * Kelly on an overestimated edge loses money.
	 */
	static final double FRACTION = 0.25;

	/** No single bet above 2% of bankroll, whatever the edge. */
	static final double CAP = 0.02;

	private Kelly() {
	}

	/** {@code min(0.25 · (p·o - 1) / (o - 1), 0.02)}, or 0 when {@code p·o ≤ 1}. */
	static double stake(double probability, double odds) {
		double edge = probability * odds - 1;
		if (edge <= 0) {
			return 0;
		}
		return Math.min(FRACTION * edge / (odds - 1), CAP);
	}
}
