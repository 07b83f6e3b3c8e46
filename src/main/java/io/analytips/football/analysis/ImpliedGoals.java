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
		for (double p : fair.toArray()) {
			if (!(p > 0 && p < 1)) {
				throw new IllegalArgumentException("market probabilities must be in (0, 1): " + fair);
			}
		}
		// Gauss-Newton on the logs, started from a guess that already has the right sign of supremacy
		double x = Math.log(1.35 * Math.sqrt(fair.home() / fair.away()));
		double y = Math.log(1.35 * Math.sqrt(fair.away() / fair.home()));
		for (int i = 0; i < MAX_STEPS; i++) {
			double[] r = residual(x, y, fair);
			double[] rx = residual(x + STEP, y, fair);
			double[] ry = residual(x, y + STEP, fair);
			double a = (rx[0] - r[0]) / STEP;
			double b = (ry[0] - r[0]) / STEP;
			double c = (rx[1] - r[1]) / STEP;
			double d = (ry[1] - r[1]) / STEP;
			// normal equations J'J δ = -J'r with a little damping, so a near-singular J cannot throw us off
			double jtj11 = a * a + c * c + 1e-9;
			double jtj12 = a * b + c * d;
			double jtj22 = b * b + d * d + 1e-9;
			double g1 = a * r[0] + c * r[1];
			double g2 = b * r[0] + d * r[1];
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

	private static double[] residual(double logHome, double logAway, OneXTwo fair) {
		ScoreMatrix matrix = ScoreMatrix.dixonColes(new ExpectedGoals(Math.exp(logHome), Math.exp(logAway)), RHO);
		double home = 0;
		double away = 0;
		for (int i = 0; i <= matrix.maxGoals(); i++) {
			for (int j = 0; j < i; j++) {
				home += matrix.probability(i, j);
				away += matrix.probability(j, i);
			}
		}
		return new double[] { home - fair.home(), away - fair.away() };
	}
}
