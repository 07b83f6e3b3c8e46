package io.analytips.football.analysis;

import java.util.Objects;

/**
 * A match's margin-free market probabilities as last seen before kick-off: the 1X2 and, where the bookmaker
 * priced the line, over 2.5 goals. What a later fit learns from ({@link #impliedGoals()}).
 *
 * @param result the margin-free 1X2 probabilities
 * @param over25 the margin-free probability of over 2.5 goals, strictly between 0 and 1, or {@code null} when
 *        the totals were not priced
 */
public record FairPrices(OneXTwo result, Double over25) {

	public FairPrices {
		Objects.requireNonNull(result, "result");
		if (over25 != null && !(over25 > 0 && over25 < 1)) {
			throw new IllegalArgumentException("over 2.5 probability must be in (0, 1): " + over25);
		}
	}

	/** Prices without totals: the fit learns from the 1X2 alone. */
	public FairPrices(OneXTwo result) {
		this(result, null);
	}

	/**
	 * The expected goals these prices imply: {@link ImpliedGoals#from(OneXTwo, double)} when the totals were
	 * priced, {@link ImpliedGoals#from(OneXTwo)} otherwise. The backtest converts Pinnacle's closing prices
	 * the same way, so the bot fits as the backtest measures.
	 *
	 * @throws IllegalArgumentException if a 1X2 probability is not strictly between 0 and 1
	 */
	public ExpectedGoals impliedGoals() {
		return impliedGoals(ImpliedGoals.TOTALS_WEIGHT);
	}

	/**
	 * As {@link #impliedGoals()}, with the over's residual weighted {@code totalsWeight} (0 ignores the totals),
	 * for the backtest's variants.
	 *
	 * @throws IllegalArgumentException if a 1X2 probability is not strictly between 0 and 1, or the weight is
	 *         negative or not finite
	 */
	public ExpectedGoals impliedGoals(double totalsWeight) {
		return over25 == null || totalsWeight == 0 ? ImpliedGoals.from(result)
				: ImpliedGoals.from(result, over25, totalsWeight);
	}
}
