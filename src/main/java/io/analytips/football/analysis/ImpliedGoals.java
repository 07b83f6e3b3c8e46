package io.analytips.football.analysis;

import java.util.Objects;

/**
 * Backs expected goals out of a market's 1X2 probabilities: the λ and μ whose Dixon-Coles score matrix
 * gives the same home-win and away-win probabilities (research note §4, penaltyblog's
 * {@code goal_expectancy}). A margin-free closing price is the best summary of everything known about a
 * match before kick-off (line-ups, injuries, form), so past matches' implied goals tell the fit more about
 * the teams than their noisy scores alone ({@link FitOptions#marketWeight()}).
 */
public final class ImpliedGoals {

	/** The fit's ρ is not known when prices are converted; the research note's fits sit around this. */
	static final double RHO = -0.05;

	private static final double MIN_GOALS = 0.05;

	private static final double MAX_GOALS = 6;

	private static final int MAX_STEPS = 50;

	private static final double STEP = 1e-6;

	/**
	 * The weight of the over 2.5 residual against the home and away residuals' 1 in
	 * {@link #from(OneXTwo, double)}.
	 */
	public static final double TOTALS_WEIGHT = 1;

	private ImpliedGoals() {
	}

	/**
	 * The expected goals whose score matrix best matches {@code fair}: exactly where such goals exist,
	 * otherwise (a draw priced far from what any Poisson pair allows) the least-squares nearest, kept
	 * between {@value #MIN_GOALS} and {@value #MAX_GOALS} a side.
	 *
	 * @param fair margin-free probabilities, e.g. from {@link Margin#multiplicative}
	 * @throws IllegalArgumentException if a probability is not strictly between 0 and 1
	 */
	public static ExpectedGoals from(OneXTwo fair) {
		Objects.requireNonNull(fair, "fair");
		checkOneXTwo(fair);
		return solve(fair, Double.NaN, 0);
	}

	/**
	 * The expected goals whose score matrix best matches both {@code fair} and the margin-free probability of
	 * over 2.5 goals: the 1X2 says mostly who is stronger, the totals price how many goals the two sides make
	 * between them, which the 1X2 alone pins down poorly. Least squares on the home-win, away-win and over
	 * probabilities, the over's residual weighted {@value #TOTALS_WEIGHT}; prices a Dixon-Coles matrix can
	 * reproduce are reproduced exactly. Same bounds as {@link #from(OneXTwo)}.
	 *
	 * @param fair margin-free 1X2 probabilities
	 * @param over margin-free probability of over 2.5 goals, e.g. from {@link Margin#multiplicative}
	 * @throws IllegalArgumentException if a probability is not strictly between 0 and 1
	 */
	public static ExpectedGoals from(OneXTwo fair, double over) {
		return from(fair, over, TOTALS_WEIGHT);
	}

	/**
	 * As {@link #from(OneXTwo, double)}, with the over's residual weighted {@code overWeight} against the
	 * home and away residuals' 1 (0 ignores the totals price); for the backtest's variants.
	 *
	 * @throws IllegalArgumentException if a probability is not strictly between 0 and 1, or the weight is
	 *         negative or not finite
	 */
	public static ExpectedGoals from(OneXTwo fair, double over, double overWeight) {
		Objects.requireNonNull(fair, "fair");
		checkOneXTwo(fair);
		if (!(over > 0 && over < 1)) {
			throw new IllegalArgumentException("over 2.5 probability must be in (0, 1): " + over);
		}
		if (!(overWeight >= 0) || Double.isInfinite(overWeight)) {
			throw new IllegalArgumentException("overWeight must be finite and >= 0: " + overWeight);
		}
		return solve(fair, over, overWeight);
	}

	private static void checkOneXTwo(OneXTwo fair) {
		for (double p : fair.toArray()) {
			if (!(p > 0 && p < 1)) {
				throw new IllegalArgumentException("market probabilities must be in (0, 1): " + fair);
			}
		}
	}

	/** Gauss-Newton on the logs; {@code overWeight} 0 leaves the totals out. */
	private static ExpectedGoals solve(OneXTwo fair, double over, double overWeight) {
		// started from a guess that already has the right sign of supremacy
		double x = Math.log(1.35 * Math.sqrt(fair.home() / fair.away()));
		double y = Math.log(1.35 * Math.sqrt(fair.away() / fair.home()));
		double[] target = { fair.home(), fair.away(), over };
		double[] weights = { 1, 1, overWeight };
		for (int i = 0; i < MAX_STEPS; i++) {
			double[] r = residual(x, y, target, weights);
			double[] rx = residual(x + STEP, y, target, weights);
			double[] ry = residual(x, y + STEP, target, weights);
			// normal equations J'J δ = -J'r with a little damping, so a near-singular J cannot throw us off
			double jtj11 = 1e-9;
			double jtj12 = 0;
			double jtj22 = 1e-9;
			double g1 = 0;
			double g2 = 0;
			for (int k = 0; k < r.length; k++) {
				double a = (rx[k] - r[k]) / STEP;
				double b = (ry[k] - r[k]) / STEP;
				jtj11 += a * a;
				jtj12 += a * b;
				jtj22 += b * b;
				g1 += a * r[k];
				g2 += b * r[k];
			}
			double det = jtj11 * jtj22 - jtj12 * jtj12;
			double dx = -(jtj22 * g1 - jtj12 * g2) / det;
			double dy = -(jtj11 * g2 - jtj12 * g1) / det;
			dx = Math.max(-1, Math.min(1, dx));
			dy = Math.max(-1, Math.min(1, dy));
			x = clamp(x + dx);
			y = clamp(y + dy);
			if (Math.abs(dx) < 1e-10 && Math.abs(dy) < 1e-10) {
				break;
			}
		}
		return new ExpectedGoals(Math.exp(x), Math.exp(y));
	}

	private static double clamp(double logGoals) {
		return Math.max(Math.log(MIN_GOALS), Math.min(Math.log(MAX_GOALS), logGoals));
	}

	/** Weighted residuals of home win, away win and over 2.5 (the last only when its weight is not 0). */
	private static double[] residual(double logHome, double logAway, double[] target, double[] weights) {
		ScoreMatrix matrix = ScoreMatrix.dixonColes(new ExpectedGoals(Math.exp(logHome), Math.exp(logAway)), RHO);
		double home = 0;
		double away = 0;
		double under = 0;
		for (int i = 0; i <= matrix.maxGoals(); i++) {
			for (int j = 0; j < i; j++) {
				home += matrix.probability(i, j);
				away += matrix.probability(j, i);
			}
		}
		if (weights[2] == 0) {
			return new double[] { home - target[0], away - target[1] };
		}
		for (int i = 0; i <= 2; i++) {
			for (int j = 0; i + j <= 2; j++) {
				under += matrix.probability(i, j);
			}
		}
		return new double[] { home - target[0], away - target[1], weights[2] * ((1 - under) - target[2]) };
	}
}
