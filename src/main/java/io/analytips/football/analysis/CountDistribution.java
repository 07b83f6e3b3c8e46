package io.analytips.football.analysis;

/**
 * Tail probabilities of a count (a match's total corners) with a given mean and variance/mean
 * ratio: negative binomial when over-dispersed, Poisson otherwise.
 */
public final class CountDistribution {

	private CountDistribution() {
	}

	/**
	 * P(count > line). The negative binomial with variance {@code φ · mean} has success probability
	 * {@code p = 1/φ} and size {@code r = mean / (φ - 1)}; its probabilities follow
	 * {@code P(0) = p^r}, {@code P(k) = P(k-1) · (k - 1 + r) / k · (1 - p)}.
	 */
	static double over(double mean, double varianceToMean, double line) {
		if (!(mean > 0) || Double.isInfinite(mean)) {
			throw new IllegalArgumentException("mean must be finite and > 0: " + mean);
		}
		int atMost = (int) Math.floor(line);
		if (atMost < 0) {
			return 1;
		}
		double[] pmf = varianceToMean <= 1 ? ScoreMatrix.poisson(mean, atMost)
				: negativeBinomial(mean, varianceToMean, atMost);
		double cumulative = 0;
		for (double p : pmf) {
			cumulative += p;
		}
		return Math.max(0, 1 - cumulative);
	}

	/**
	 * P(count = {@code count}) under the same distribution as {@link #over}: what the backtest's fit of the
	 * variance/mean ratio weighs a match's observed total by.
	 *
	 * @throws IllegalArgumentException if the mean is not finite and positive or the count is negative
	 */
	public static double probability(double mean, double varianceToMean, int count) {
		if (!(mean > 0) || Double.isInfinite(mean)) {
			throw new IllegalArgumentException("mean must be finite and > 0: " + mean);
		}
		if (count < 0) {
			throw new IllegalArgumentException("count must be >= 0: " + count);
		}
		double[] pmf = varianceToMean <= 1 ? ScoreMatrix.poisson(mean, count)
				: negativeBinomial(mean, varianceToMean, count);
		return pmf[count];
	}

	static double[] negativeBinomial(double mean, double varianceToMean, int max) {
		double p = 1 / varianceToMean;
		double r = mean / (varianceToMean - 1);
		double[] pmf = new double[max + 1];
		pmf[0] = Math.pow(p, r);
		for (int k = 1; k <= max; k++) {
			pmf[k] = pmf[k - 1] * (k - 1 + r) / k * (1 - p);
		}
		return pmf;
	}
}
