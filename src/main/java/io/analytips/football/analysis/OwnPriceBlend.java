package io.analytips.football.analysis;

import java.util.Arrays;
import java.util.Objects;

/**
 * The model's forecast pooled with the fixture's own margin-free pre-match price: the price carries news no past
 * result or price can (line-ups, injuries), which is most of what the model still trails the closing line by.
 * Each league's weight is chosen walk-forward by its backtest and bundled in its {@link ModelSettings}; the bot
 * shows the pooled 1X2 and over 2.5 as its forecast ({@link PooledForecast}; docs/model.md, "The fixture's own
 * price"). A pooled forecast is never what the value finder judges a price against, because a forecast that already
 * holds the market's price would find value in the market's own echo.
 *
 * @param weight how far the market counts, 0 (the model alone) to 1 (the market alone)
 * @param pool how the two are pooled
 */
public record OwnPriceBlend(double weight, Pool pool) {

	/** How two forecasts are pooled. */
	public enum Pool {
		/** {@code (1 − v) · model + v · market}, outcome by outcome. */
		LINEAR,
		/** {@code model^(1 − v) · market^v}, renormalised: the logarithmic (geometric) opinion pool. */
		LOG
	}

	/** No pooling: the model alone. */
	public static final OwnPriceBlend NONE = new OwnPriceBlend(0, Pool.LINEAR);

	/**
	 * @throws IllegalArgumentException if the weight is not in [0, 1]
	 */
	public OwnPriceBlend {
		Objects.requireNonNull(pool, "pool");
		if (!(weight >= 0 && weight <= 1)) {
			throw new IllegalArgumentException("the market's weight must be between 0 and 1: " + weight);
		}
	}

	/** Whether the market counts at all: with weight 0 every forecast is the model's, unchanged. */
	public boolean blends() {
		return weight > 0;
	}

	/**
	 * The model's 1X2 pooled with a bookmaker's 1X2 odds, margin removed by the power method, as the value finder
	 * removes it, so that a forecast leaning on the price shows the chance the comparison with that price shows (the
	 * research note finds normalisation, power and Shin equal to four decimals for Pinnacle's margin); {@code model}
	 * itself when {@code odds} is null or the weight is 0.
	 *
	 * @param odds home, draw, away decimal odds, or null without a price
	 * @throws IllegalArgumentException if the odds are not three prices above 1
	 */
	public OneXTwo oneXTwo(OneXTwo model, double[] odds) {
		Objects.requireNonNull(model, "model");
		if (odds == null || !blends()) {
			return model;
		}
		if (odds.length != 3) {
			throw new IllegalArgumentException("1X2 needs 3 odds: " + Arrays.toString(odds));
		}
		double[] p = pooled(model.toArray(), Margin.power(odds));
		return new OneXTwo(p[0], p[1], p[2]);
	}

	/**
	 * The model's P(over a line) pooled with the bookmaker's over, under odds at that line, margin removed by the
	 * power method; {@code modelOver} itself when {@code odds} is null or the weight is 0.
	 *
	 * @param odds over, under decimal odds, or null without a price
	 * @throws IllegalArgumentException if the odds are not two prices above 1
	 */
	public double over(double modelOver, double[] odds) {
		Probabilities.requireProbability(modelOver, "modelOver");
		if (odds == null || !blends()) {
			return modelOver;
		}
		if (odds.length != 2) {
			throw new IllegalArgumentException("over/under needs 2 odds: " + Arrays.toString(odds));
		}
		return pooled(new double[] { modelOver, 1 - modelOver }, Margin.power(odds))[0];
	}

	private double[] pooled(double[] model, double[] market) {
		double[] p = new double[model.length];
		double sum = 0;
		for (int k = 0; k < p.length; k++) {
			p[k] = switch (pool) {
				case LINEAR -> (1 - weight) * model[k] + weight * market[k];
				case LOG -> Math.pow(model[k], 1 - weight) * Math.pow(market[k], weight);
			};
			sum += p[k];
		}
		for (int k = 0; k < p.length; k++) {
			p[k] /= sum;
		}
		return p;
	}
}
