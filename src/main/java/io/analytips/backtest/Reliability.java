package io.analytips.backtest;

import java.util.ArrayList;
import java.util.List;

/**
 * A reliability table: forecasts grouped into ten equal-width probability bins, each with its mean forecast
 * and the observed frequency of the event. A calibrated forecaster's points lie on the diagonal.
 */
final class Reliability {

	static final int BINS = 10;

	/** Bins with fewer forecasts than this are left out: their observed frequency is mostly noise. */
	static final int MIN_COUNT = 10;

	private final double[] forecastSum = new double[BINS];

	private final double[] observedSum = new double[BINS];

	private final int[] count = new int[BINS];

	void add(double forecast, boolean happened) {
		int bin = Math.min(BINS - 1, (int) (forecast * BINS));
		forecastSum[bin] += forecast;
		observedSum[bin] += happened ? 1 : 0;
		count[bin]++;
	}

	/** One point per bin with at least {@link #MIN_COUNT} forecasts. */
	List<Point> points() {
		List<Point> points = new ArrayList<>();
		for (int b = 0; b < BINS; b++) {
			if (count[b] >= MIN_COUNT) {
				points.add(new Point(forecastSum[b] / count[b], observedSum[b] / count[b], count[b]));
			}
		}
		return points;
	}

	/** Every bin with at least one forecast, lowest first: the reliability table. */
	List<Bin> bins() {
		List<Bin> bins = new ArrayList<>();
		for (int b = 0; b < BINS; b++) {
			if (count[b] > 0) {
				bins.add(new Bin(b, new Point(forecastSum[b] / count[b], observedSum[b] / count[b], count[b])));
			}
		}
		return bins;
	}

	/**
	 * Expected calibration error: the count-weighted mean |forecast − observed| over all bins, that is
	 * {@code Σ_b (n_b / N) · |mean forecast_b − observed frequency_b|}, bin b holding the forecasts in
	 * {@code [b/10, (b+1)/10)} (1 in the last).
	 */
	double calibrationError() {
		double error = 0;
		int total = 0;
		for (int b = 0; b < BINS; b++) {
			if (count[b] > 0) {
				error += Math.abs(forecastSum[b] - observedSum[b]);
				total += count[b];
			}
		}
		return total == 0 ? 0 : error / total;
	}

	record Point(double forecast, double observed, int count) {
	}

	/** Bin {@code index} covers {@code [index/10, (index+1)/10)}. */
	record Bin(int index, Point point) {
	}
}
