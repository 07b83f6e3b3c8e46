package io.analytips.football.analysis;

import java.util.Objects;

/**
 * The probability of every exact score up to {@code maxGoals} a side, from which every goal market
 * is read. Scores beyond {@code maxGoals} are cut off and the rest renormalised to sum to 1.
 * Immutable.
 */
public final class ScoreMatrix {

	/** Enough for ordinary football: with 3 expected goals a side, P(11 or more) is about 2e-6. */
	public static final int DEFAULT_MAX_GOALS = 10;

	private final double[][] p;

	private ScoreMatrix(double[][] p) {
		this.p = p;
	}

	/** {@link #dixonColes(ExpectedGoals, double, int)} up to {@value #DEFAULT_MAX_GOALS} goals a side. */
	public static ScoreMatrix dixonColes(ExpectedGoals xg, double rho) {
		return dixonColes(xg, rho, DEFAULT_MAX_GOALS);
	}

	/**
	 * The Dixon-Coles score matrix: {@code P(i, j) = Poisson(i; λ) · Poisson(j; μ) · τ(i, j)}.
	 * A cell that τ would make negative (large λμρ) is set to 0 before renormalising.
	 *
	 * @param xg the expected goals λ (home) and μ (away)
	 * @param rho the low-score correction ρ; 0 gives independent Poisson scores
	 * @param maxGoals the largest score per side kept, at least 1
	 * @throws IllegalArgumentException if {@code maxGoals < 1} or {@code rho} is not finite
	 */
	public static ScoreMatrix dixonColes(ExpectedGoals xg, double rho, int maxGoals) {
		return dixonColes(xg, rho, maxGoals, BlankFactor.NONE);
	}

	/** {@link #dixonColes(ExpectedGoals, double, int, BlankFactor)} up to {@value #DEFAULT_MAX_GOALS} goals a side. */
	public static ScoreMatrix dixonColes(ExpectedGoals xg, double rho, BlankFactor blanks) {
		return dixonColes(xg, rho, DEFAULT_MAX_GOALS, blanks);
	}

	/**
	 * The Dixon-Coles score matrix with each side's goal count corrected by {@code blanks}
	 * ({@link BlankFactor#goals}: the blank's probability scaled, the mean kept) in place of the Poisson count:
	 * {@code P(i, j) = home(i) · away(j) · τ(i, j)}, τ with the same λ, μ and ρ, renormalised.
	 * {@link BlankFactor#NONE} gives exactly {@link #dixonColes(ExpectedGoals, double, int)}.
	 *
	 * @throws IllegalArgumentException if {@code maxGoals < 1} or {@code rho} is not finite
	 */
	public static ScoreMatrix dixonColes(ExpectedGoals xg, double rho, int maxGoals, BlankFactor blanks) {
		Objects.requireNonNull(xg, "xg");
		Objects.requireNonNull(blanks, "blanks");
		if (maxGoals < 1) {
			throw new IllegalArgumentException("maxGoals must be >= 1: " + maxGoals);
		}
		if (!Double.isFinite(rho)) {
			throw new IllegalArgumentException("rho must be finite: " + rho);
		}
		double[] home = BlankFactor.goals(xg.home(), blanks.home(), maxGoals);
		double[] away = BlankFactor.goals(xg.away(), blanks.away(), maxGoals);
		double[][] p = new double[maxGoals + 1][maxGoals + 1];
		double total = 0;
		for (int i = 0; i <= maxGoals; i++) {
			for (int j = 0; j <= maxGoals; j++) {
				p[i][j] = Math.max(0, home[i] * away[j] * tau(i, j, xg.home(), xg.away(), rho));
				total += p[i][j];
			}
		}
		for (double[] row : p) {
			for (int j = 0; j < row.length; j++) {
				row[j] /= total;
			}
		}
		return new ScoreMatrix(p);
	}

	/**
	 * The probability that the match ends {@code home}-{@code away}; 0 beyond {@link #maxGoals()}.
	 *
	 * @throws IllegalArgumentException if either score is negative
	 */
	public double probability(int home, int away) {
		if (home < 0 || away < 0) {
			throw new IllegalArgumentException("scores must be >= 0: " + home + "-" + away);
		}
		return home > maxGoals() || away > maxGoals() ? 0 : p[home][away];
	}

	/** The largest score per side in the matrix. */
	public int maxGoals() {
		return p.length - 1;
	}

	/** P(total goals > line). */
	double over(double line) {
		double over = 0;
		for (int i = 0; i <= maxGoals(); i++) {
			for (int j = 0; j <= maxGoals(); j++) {
				if (i + j > line) {
					over += p[i][j];
				}
			}
		}
		return over;
	}

	/**
	 * The Dixon-Coles factor: it moves probability between 0-0, 1-0, 0-1 and 1-1 and, summed over
	 * those four cells, adds nothing, so the untruncated matrix still sums to 1.
	 */
	static double tau(int home, int away, double lambda, double mu, double rho) {
		if (home == 0 && away == 0) {
			return 1 - lambda * mu * rho;
		}
		if (home == 0 && away == 1) {
			return 1 + lambda * rho;
		}
		if (home == 1 && away == 0) {
			return 1 + mu * rho;
		}
		if (home == 1 && away == 1) {
			return 1 - rho;
		}
		return 1;
	}

	/** Poisson probabilities of 0..max, by the recurrence {@code P(k) = P(k-1) · mean / k}. */
	static double[] poisson(double mean, int max) {
		double[] pmf = new double[max + 1];
		pmf[0] = Math.exp(-mean);
		for (int k = 1; k <= max; k++) {
			pmf[k] = pmf[k - 1] * mean / k;
		}
		return pmf;
	}
}
