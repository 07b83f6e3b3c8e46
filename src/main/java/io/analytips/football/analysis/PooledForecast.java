package io.analytips.football.analysis;

import java.util.Objects;

/**
 * The 1X2 and over 2.5 a fan is shown as the forecast: the model's, pooled with the fixture's own pre-match price by
 * the league's {@link OwnPriceBlend} where the analysis read that price. The price carries news no past match can
 * (line-ups, injuries); the backtest chose the weight on the league's own seasons where its data has pre-match
 * prices, and a league without them takes the largest weight measured (docs/model.md, "The fixture's own price"). Never what a price is judged against: {@link MatchAnalysis#comparisons()},
 * {@link MatchAnalysis#value()} and {@link MatchAnalysis#disagreements()} keep the model alone, or they would find
 * value in the market's own echo.
 *
 * @param result the 1X2 shown
 * @param over25 P(over 2.5 goals) shown
 * @param resultWeight how far the fixture's 1X2 price counts in {@code result}: 0 where it is the model's alone
 * @param over25Weight how far the fixture's over/under 2.5 price counts in {@code over25}: 0 where it is the model's
 */
public record PooledForecast(OneXTwo result, double over25, double resultWeight, double over25Weight) {

	public PooledForecast {
		Objects.requireNonNull(result, "result");
		Probabilities.requireProbability(over25, "over25");
	}

	/** The model's own 1X2 and over 2.5, pooled with nothing. */
	public static PooledForecast modelAlone(Markets markets) {
		return new PooledForecast(markets.result(), markets.goals(MatchAnalyzer.MAIN_GOAL_LINE).over(), 0, 0);
	}

	/**
	 * The model's markets pooled by {@code blend} with the bookmaker's 1X2 and over/under 2.5 odds, each where
	 * {@code prices} has them; the model's alone without prices or with a weight of 0.
	 *
	 * @throws IllegalArgumentException if a price pooled is not above 1
	 */
	public static PooledForecast of(Markets markets, OwnPriceBlend blend, BookmakerPrices prices) {
		PooledForecast alone = modelAlone(markets);
		if (prices == null || !blend.blends()) {
			return alone;
		}
		double[] oneXTwo = prices.oneXTwo();
		double[] overUnder = prices.overUnder().get(MatchAnalyzer.MAIN_GOAL_LINE);
		return new PooledForecast(blend.oneXTwo(alone.result, oneXTwo), blend.over(alone.over25, overUnder),
				oneXTwo == null ? 0 : blend.weight(), overUnder == null ? 0 : blend.weight());
	}

	/** Whether any of it leans on the fixture's price. */
	public boolean pooled() {
		return resultWeight > 0 || over25Weight > 0;
	}
}
