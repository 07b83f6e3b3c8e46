package io.analytips.football.analysis;

/**
 * A correction of each side's goal count for a league whose goals are spread less (or more) than a Poisson count:
 * the chance of a blank is the Poisson one times a factor, and the goals from one up follow a zero-truncated Poisson
 * whose parameter is set so that the side's mean stays the fitted λ (or μ). Below 1 it takes blanks away and gives
 * a count spread less than Poisson: with the truncated parameter x the variance is {@code λ(1 + x − λ)}, and
 * {@code x < λ} when the factor is below 1. The fit of λ and μ is untouched; only the score matrix built from them
 * changes ({@link ScoreMatrix#dixonColes(ExpectedGoals, double, int, BlankFactor)}), so every goal market moves with
 * it, consistently.
 *
 * @param home the factor on the home side's P(0 goals), in (0, 1]; 1 leaves its Poisson count
 * @param away the factor on the away side's P(0 goals), in (0, 1]
 */
public record BlankFactor(double home, double away) {

	/** No correction: both sides Poisson. */
	public static final BlankFactor NONE = new BlankFactor(1, 1);

	/**
	 * @throws IllegalArgumentException if a factor is not in (0, 1]
	 */
	public BlankFactor {
		requireFactor(home, "home");
		requireFactor(away, "away");
	}

	/** Whether the matrix is the plain Dixon-Coles one. */
	public boolean none() {
		return home == 1 && away == 1;
	}

	/** The home side's P(0 goals) with mean {@code lambda}, before τ: {@code e^−λ} times the factor (see {@link #goals}). */
	public double homeBlank(double lambda) {
		return goals(lambda, home, 1)[0];
	}

	/** The away side's P(0 goals) with mean {@code mu}, before τ. */
	public double awayBlank(double mu) {
		return goals(mu, away, 1)[0];
	}

	/**
	 * The goal count of a side with mean {@code mean} and blank factor {@code factor}, from 0 to {@code max}:
	 * {@code P(0) = factor · e^−mean}, and {@code P(k) = (1 − P(0)) · x^k / (k! (e^x − 1))} for k ≥ 1, with x such
	 * that the mean is {@code mean}. Where no such x exists ({@code P(0) < 1 − mean}: a mean below 1 cannot have
	 * fewer blanks than {@code 1 − mean}), the count is 0 or 1 with that mean, the least spread there is. Factor 1
	 * is exactly the Poisson count. Not truncated: the probabilities beyond {@code max} are left out.
	 */
	static double[] goals(double mean, double factor, int max) {
		if (factor == 1) {
			return ScoreMatrix.poisson(mean, max);
		}
		double[] pmf = new double[max + 1];
		double blank = factor * Math.exp(-mean);
		if (blank <= 1 - mean) {
			pmf[0] = 1 - mean;
			pmf[1] = mean;
			return pmf;
		}
		double x = truncatedParameter(mean / (1 - blank));
		pmf[0] = blank;
		pmf[1] = (1 - blank) * x / Math.expm1(x);
		for (int k = 2; k <= max; k++) {
			pmf[k] = pmf[k - 1] * x / k;
		}
		return pmf;
	}

	/**
	 * The x > 0 whose zero-truncated Poisson count has mean {@code positiveMean} (above 1): {@code x / (1 − e^−x)}
	 * rises from 1 and lies between x and x + 1, so x is in [positiveMean − 1, positiveMean]; bisection to the
	 * double's precision.
	 */
	static double truncatedParameter(double positiveMean) {
		double low = Math.max(0, positiveMean - 1);
		double high = positiveMean;
		for (int i = 0; i < 200 && high - low > 1e-15 * high; i++) {
			double mid = (low + high) / 2;
			if (mid / -Math.expm1(-mid) < positiveMean) {
				low = mid;
			}
			else {
				high = mid;
			}
		}
		return (low + high) / 2;
	}

	private static void requireFactor(double factor, String side) {
		if (!(factor > 0 && factor <= 1)) {
			throw new IllegalArgumentException(side + " blank factor must be in (0, 1]: " + factor);
		}
	}
}
