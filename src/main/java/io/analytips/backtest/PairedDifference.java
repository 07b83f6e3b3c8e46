package io.analytips.backtest;

import java.util.List;

/**
 * The mean per-match difference of one score between the model and another forecaster on the same matches
 * (model − other: below zero the model scores better), with its standard error and a 95% normal interval.
 * Pairing removes what the matches share (an upset is hard for both), so the interval is far narrower than the
 * two means' own.
 *
 * @param against the forecaster the model is compared with
 * @param score the score compared
 * @param matches how many matches the mean is over
 * @param mean the mean of (model's score − other's score); NaN when the other has no forecast for the market
 * @param standardError the sample standard deviation of the differences over √matches (0 for one match)
 */
record PairedDifference(Forecaster against, Score score, int matches, double mean, double standardError) {

	/** The standard normal's 97.5% quantile, for the 95% interval. */
	static final double Z_95 = 1.96;

	/**
	 * The model's score against {@code against}'s on {@code predictions}.
	 *
	 * @throws IllegalArgumentException if there are no predictions
	 */
	static PairedDifference of(Forecaster against, Score score, List<Prediction> predictions) {
		if (predictions.isEmpty()) {
			throw new IllegalArgumentException("no predictions to compare " + score.label + " on");
		}
		double[] differences = predictions.stream()
			.mapToDouble(p -> score.of(Forecaster.MODEL, p) - score.of(against, p))
			.toArray();
		double[] meanAndError = meanAndStandardError(differences);
		return new PairedDifference(against, score, differences.length, meanAndError[0], meanAndError[1]);
	}

	/**
	 * {mean, standard error} of per-match differences: the sample standard deviation over √n (0 for one).
	 * The corners backtest pairs its forecasters with this too.
	 */
	static double[] meanAndStandardError(double[] differences) {
		int n = differences.length;
		double mean = 0;
		for (double d : differences) {
			mean += d / n;
		}
		double variance = 0;
		for (double d : differences) {
			variance += (d - mean) * (d - mean) / Math.max(1, n - 1);
		}
		return new double[] { mean, Math.sqrt(variance / n) };
	}

	/** The 95% interval's lower end, {@code mean − 1.96 · standard error}. */
	double low() {
		return mean - Z_95 * standardError;
	}

	/** The 95% interval's upper end, {@code mean + 1.96 · standard error}. */
	double high() {
		return mean + Z_95 * standardError;
	}

	/** e.g. {@code model − closing line, 1X2 RPS}. */
	String label() {
		return Forecaster.MODEL.label + " − " + against.label + ", " + score.label;
	}
}
