package io.analytips.football.analysis;

import java.util.Objects;

/**
 * Removes the bookmaker's margin from decimal odds, giving probabilities that sum to 1. All
 * methods take the odds of every outcome of one market and reject odds at or below 1.
 */
public final class Margin {

	private static final int BISECTION_STEPS = 200;

	private Margin() {
	}

	/**
	 * The overround: {@code Σ 1/o - 1}, e.g. 0.036 for a 3.6% margin (negative when the prices come
	 * from several books and beat each other).
	 *
	 * @throws IllegalArgumentException if there are no odds or any is not above 1
	 */
	public static double overround(double... odds) {
		double booksum = 0;
		for (double o : validated(odds)) {
			booksum += 1 / o;
		}
		return booksum - 1;
	}

	/**
	 * Basic normalisation: {@code p_k = (1/o_k) / Σ 1/o}. Spreads the margin in proportion to each
	 * implied probability.
	 *
	 * @throws IllegalArgumentException if there are no odds or any is not above 1
	 */
	public static double[] multiplicative(double... odds) {
		double booksum = overround(odds) + 1;
		double[] p = new double[odds.length];
		for (int k = 0; k < odds.length; k++) {
			p[k] = 1 / odds[k] / booksum;
		}
		return p;
	}

	/**
	 * The power method (Clarke, Kovalchik and Ingram 2017): {@code p_k = (1/o_k)^κ} with κ solved by
	 * bisection so that the probabilities sum to 1. Raising to a power above 1 shrinks small
	 * probabilities proportionally more, so the margin falls on the long shots, as the
	 * favourite–longshot bias says bookmakers place it.
	 *
	 * @throws IllegalArgumentException if there are no odds or any is not above 1
	 */
	public static double[] power(double... odds) {
		validated(odds);
		if (odds.length == 1) {
			return new double[] { 1 };
		}
		// Σ (1/o)^κ falls from n at κ = 0 towards 0, so the root is above 0: widen until bracketed.
		double low = 0;
		double high = 1;
		while (sum(odds, high) > 1) {
			low = high;
			high *= 2;
		}
		for (int i = 0; i < BISECTION_STEPS && high - low > 1e-15; i++) {
			double mid = (low + high) / 2;
			if (sum(odds, mid) > 1) {
				low = mid;
			}
			else {
				high = mid;
			}
		}
		double kappa = (low + high) / 2;
		double total = sum(odds, kappa);
		double[] p = new double[odds.length];
		for (int k = 0; k < odds.length; k++) {
			// dividing by the sum removes the last bisection error, so the result sums to 1 exactly
			p[k] = Math.pow(1 / odds[k], kappa) / total;
		}
		return p;
	}

	private static double sum(double[] odds, double kappa) {
		double sum = 0;
		for (double o : odds) {
			sum += Math.pow(1 / o, kappa);
		}
		return sum;
	}

	private static double[] validated(double[] odds) {
		Objects.requireNonNull(odds, "odds");
		if (odds.length == 0) {
			throw new IllegalArgumentException("odds must not be empty");
		}
		for (double o : odds) {
			if (!(o > 1) || Double.isInfinite(o)) {
				throw new IllegalArgumentException("odds must be finite and > 1: " + o);
			}
		}
		return odds;
	}
}
