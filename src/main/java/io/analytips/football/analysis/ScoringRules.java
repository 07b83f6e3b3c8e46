package io.analytips.football.analysis;

/**
 * Proper scoring rules for 1X2 forecasts ({@code p = (home, draw, away)}, outcome 0 = home win,
 * 1 = draw, 2 = away win) and for binary events. Lower is better for all of them. Used by the backtest and by the
 * bot's live record of its own forecasts.
 */
public final class ScoringRules {

	public static final int HOME = 0;

	public static final int DRAW = 1;

	public static final int AWAY = 2;

	private ScoringRules() {
	}

	/** The 1X2 outcome of a final score. */
	public static int outcome(int homeGoals, int awayGoals) {
		return homeGoals > awayGoals ? HOME : homeGoals == awayGoals ? DRAW : AWAY;
	}

	/**
	 * Ranked probability score, {@code ½ Σ_{k=1}^{2} (Σ_{j≤k} (p_j − e_j))²}: the squared error of the
	 * cumulative forecast, so a draw forecast is nearer an away win than a home-win forecast is.
	 */
	public static double rps(double[] p, int outcome) {
		double cumulative = 0;
		double sum = 0;
		for (int k = 0; k < 2; k++) {
			cumulative += p[k] - (k == outcome ? 1 : 0);
			sum += cumulative * cumulative;
		}
		return sum / 2;
	}

	/** {@code −ln p_observed} (natural log; the uniform forecast scores ln 3). */
	public static double logLoss(double[] p, int outcome) {
		return -Math.log(p[outcome]);
	}

	/** Multiclass Brier score, {@code Σ_k (p_k − e_k)²}, in [0, 2] (uniform scores 2/3). */
	public static double brier(double[] p, int outcome) {
		double sum = 0;
		for (int k = 0; k < p.length; k++) {
			double error = p[k] - (k == outcome ? 1 : 0);
			sum += error * error;
		}
		return sum;
	}

	/** Brier score of a binary forecast, {@code (p − y)²}. */
	public static double brier(double p, boolean happened) {
		double error = p - (happened ? 1 : 0);
		return error * error;
	}

	/**
	 * Log score (ignorance) of a binary forecast, {@code −ln p} if the event happened and {@code −ln (1 − p)} if
	 * not (natural log, as {@link #logLoss(double[], int)}; the forecast ½ scores ln 2).
	 */
	public static double logLoss(double p, boolean happened) {
		return -Math.log(happened ? p : 1 - p);
	}
}
