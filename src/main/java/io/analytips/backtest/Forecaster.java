package io.analytips.backtest;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The forecasters the backtest compares, and where each one's probabilities sit in a {@link Prediction}. */
enum Forecaster {

	MODEL("model", Prediction::model, Prediction::modelOver25, Prediction::modelBtts),
	// the data files carry no both-teams-to-score prices
	CLOSING_LINE("closing line", Prediction::closing, p -> p.closingOver25() == null ? Double.NaN : p.closingOver25(),
			p -> Double.NaN),
	LEAGUE_FREQUENCIES("league frequencies", Prediction::frequencies, Prediction::frequencyOver25,
			Prediction::frequencyBtts),
	UNIFORM("uniform", p -> Prediction.UNIFORM, p -> 0.5, p -> 0.5);

	final String label;

	private final Function<Prediction, double[]> oneXTwo;

	private final ToDoubleFunction<Prediction> over25;

	private final ToDoubleFunction<Prediction> btts;

	Forecaster(String label, Function<Prediction, double[]> oneXTwo, ToDoubleFunction<Prediction> over25,
			ToDoubleFunction<Prediction> btts) {
		this.label = label;
		this.oneXTwo = oneXTwo;
		this.over25 = over25;
		this.btts = btts;
	}

	double[] oneXTwo(Prediction p) {
		return oneXTwo.apply(p);
	}

	/** P(over 2.5 goals), or NaN when this forecaster has none for the match. */
	double over25(Prediction p) {
		return over25.applyAsDouble(p);
	}

	/** P(both teams score), or NaN when this forecaster has none for the match. */
	double btts(Prediction p) {
		return btts.applyAsDouble(p);
	}
}
