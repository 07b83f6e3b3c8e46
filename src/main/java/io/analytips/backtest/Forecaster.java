package io.analytips.backtest;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The forecasters the backtest compares, and where each one's probabilities sit in a {@link Prediction}. */
enum Forecaster {

	MODEL("model", Prediction::model, Prediction::modelOver25),
	CLOSING_LINE("closing line", Prediction::closing, p -> p.closingOver25() == null ? Double.NaN : p.closingOver25()),
	LEAGUE_FREQUENCIES("league frequencies", Prediction::frequencies, Prediction::frequencyOver25),
	UNIFORM("uniform", p -> Prediction.UNIFORM, p -> 0.5);

	final String label;

	private final Function<Prediction, double[]> oneXTwo;

	private final ToDoubleFunction<Prediction> over25;

	Forecaster(String label, Function<Prediction, double[]> oneXTwo, ToDoubleFunction<Prediction> over25) {
		this.label = label;
		this.oneXTwo = oneXTwo;
		this.over25 = over25;
	}

	double[] oneXTwo(Prediction p) {
		return oneXTwo.apply(p);
	}

	/** P(over 2.5 goals), or NaN when this forecaster has none for the match. */
	double over25(Prediction p) {
		return over25.applyAsDouble(p);
	}
}
