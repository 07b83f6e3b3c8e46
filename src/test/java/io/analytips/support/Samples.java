package io.analytips.support;

import java.util.Arrays;

/** Order statistics of a benchmark's measurements (milliseconds, bytes…), for the figures it writes. */
public final class Samples {

	private Samples() {
	}

	/** The {@code percentile}-th percentile (nearest rank), rounded to one decimal. */
	public static double percentile(double[] values, int percentile) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return Math.round(sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] * 10) / 10.0;
	}

	/** The median (the upper one of an even count). */
	public static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}
}
