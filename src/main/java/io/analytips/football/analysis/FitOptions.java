package io.analytips.football.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
 * @param marketWeight how far a result with market prices ({@link MatchResult#market()}) counts its implied
 *        expected goals instead of its score, from 0 (the score only) to 1 (the prices only): the strengths
 *        are fitted to {@code (1 − w) · goals + w · implied goals}, a Poisson quasi-likelihood that stays
 *        concave; ρ is always fitted on the scores
 * @param shotsWeight how far a result with shot counts ({@link MatchResult#shots()}) counts its shot-implied goals
 *        instead of its goals, from 0 (the goals only, the default) to 1: the goals part of the target becomes
 *        {@code (1 − s) · goals + s · shots · c}, where c is the league's goals per shot over the fit's own sample
 *        (the results before the fit date, inside the window), so no result's conversion uses a later match; with
 *        prices, {@code (1 − w) · [(1 − s) · goals + s · shot goals] + w · implied goals} (docs/model.md,
 *        "Shots as evidence")
 */
public record FitOptions(double xiPerDay, int windowDays, double priorMatches, boolean newcomerPrior,
		double marketWeight, double shotsWeight) {

	/**
	 * For results without market prices: ξ = 0.003/day, a two-year window, five pseudo-matches per team,
	 * newcomers shrunk towards the weakest teams (the best of the walk-forward grid on scores alone; flat for ξ
	 * from 0.0019 to 0.004 and prior matches from 3 to 10), and the few results that have prices blended at
	 * 0.8 (docs/model.md).
	 */
	public static final FitOptions SCORES = new FitOptions(0.003, 730, 5, true, 0.8);

	/**
	 * For results with market prices: each result counts its implied goals at 0.8 and its score at 0.2,
	 * ξ = 0.008/day and half a pseudo-match per team. Prices are far less noisy than scores, so they need
	 * less shrinkage and can follow a team's form more closely. Chosen on seasons the reported backtest does
	 * not cover (Série A 2014–2018, Premier League 2018/19; docs/model.md).
	 */
	public static final FitOptions MARKET = new FitOptions(0.008, 730, 0.5, true, 0.8);

	/** The share of last year's results that must have prices for {@link #MARKET} to be used. */
	static final double MARKET_COVERAGE = 0.8;

	/**
	 * {@link #MARKET} when at least {@value #MARKET_COVERAGE} of the results of the 365 days before
	 * {@code asOf} carry market prices, {@link #SCORES} otherwise (a bot that has only begun to collect
	 * prices; they still count where present).
	 */
	public static FitOptions forData(List<MatchResult> results, LocalDate asOf) {
		int recent = 0;
		int priced = 0;
		for (MatchResult result : results) {
			long age = ChronoUnit.DAYS.between(result.date(), asOf);
			if (age >= 1 && age <= 365) {
				recent++;
				priced += result.market() == null ? 0 : 1;
			}
		}
		return recent > 0 && priced >= MARKET_COVERAGE * recent ? MARKET : SCORES;
	}

	/** Options that read no shot counts. */
	public FitOptions(double xiPerDay, int windowDays, double priorMatches, boolean newcomerPrior,
			double marketWeight) {
		this(xiPerDay, windowDays, priorMatches, newcomerPrior, marketWeight, 0);
	}

	/** These options with the shot counts weighted {@code shotsWeight} against the goals. */
	public FitOptions withShotsWeight(double shotsWeight) {
		return new FitOptions(xiPerDay, windowDays, priorMatches, newcomerPrior, marketWeight, shotsWeight);
	}

	/** Options with newcomers shrunk towards league average, like every other team, and scores only. */
	public FitOptions(double xiPerDay, int windowDays, double priorMatches) {
		this(xiPerDay, windowDays, priorMatches, false, 0);
	}

	/** Options that fit on scores only, ignoring market prices. */
	public FitOptions(double xiPerDay, int windowDays, double priorMatches, boolean newcomerPrior) {
		this(xiPerDay, windowDays, priorMatches, newcomerPrior, 0);
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
		if (!(marketWeight >= 0 && marketWeight <= 1)) {
			throw new IllegalArgumentException("marketWeight must be between 0 and 1: " + marketWeight);
		}
		if (!(shotsWeight >= 0 && shotsWeight <= 1)) {
			throw new IllegalArgumentException("shotsWeight must be between 0 and 1: " + shotsWeight);
		}
	}
}
