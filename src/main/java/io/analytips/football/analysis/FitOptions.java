package io.analytips.football.analysis;

/**
 * How {@link ScoreModel#fit} weighs its data.
 *
 * @param xiPerDay the time-decay rate ξ: a match {@code t} days old weighs {@code exp(-ξ t)};
 *        0 weighs every match equally
 * @param windowDays only matches at most this many days before the fit date count
 * @param priorMatches pseudo-matches at league-average strength given to every team, so that a
 *        team with two results does not get extreme parameters; must be positive, because with no
 *        prior a team that never scored would get an attack of minus infinity
 * @param newcomerPrior whether a team new to the league (promoted) is shrunk towards the league's weakest
 *        teams instead of towards league average, and an unseen team plays at that strength
 */
public record FitOptions(double xiPerDay, int windowDays, double priorMatches, boolean newcomerPrior) {

	/**
	 * ξ = 0.003/day, a two-year window, five pseudo-matches per team, newcomers shrunk towards the weakest
	 * teams: the best of the walk-forward backtest's grid on EPL 2019/20–2024/25 and Série A 2019–2024
	 * (docs/model.md; the score is flat for ξ from 0.0019 to 0.004 and prior matches from 3 to 10).
	 */
	public static final FitOptions DEFAULT = new FitOptions(0.003, 730, 5, true);

	/** Options with newcomers shrunk towards league average, like every other team. */
	public FitOptions(double xiPerDay, int windowDays, double priorMatches) {
		this(xiPerDay, windowDays, priorMatches, false);
	}

	public FitOptions {
		if (!(xiPerDay >= 0) || Double.isInfinite(xiPerDay)) {
			throw new IllegalArgumentException("xiPerDay must be finite and >= 0: " + xiPerDay);
		}
		if (windowDays < 1) {
			throw new IllegalArgumentException("windowDays must be >= 1: " + windowDays);
		}
		if (!(priorMatches > 0) || Double.isInfinite(priorMatches)) {
			throw new IllegalArgumentException("priorMatches must be finite and > 0: " + priorMatches);
		}
	}
}
