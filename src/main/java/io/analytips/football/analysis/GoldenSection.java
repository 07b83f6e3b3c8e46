package io.analytips.football.analysis;

import java.util.function.DoubleUnaryOperator;

/** Golden-section search for the maximum of a unimodal function on an interval. */
final class GoldenSection {

	private static final double INVERSE_PHI = (Math.sqrt(5) - 1) / 2;

	private GoldenSection() {
	}

	/** The argument in {@code [low, high]} maximising {@code f}, to within {@code tolerance}. */
	static double maximise(DoubleUnaryOperator f, double low, double high, double tolerance) {
		double a = low;
		double b = high;
		double c = b - INVERSE_PHI * (b - a);
		double d = a + INVERSE_PHI * (b - a);
		double fc = f.applyAsDouble(c);
		double fd = f.applyAsDouble(d);
		while (b - a > tolerance) {
			if (fc >= fd) {
				b = d;
				d = c;
				fd = fc;
				c = b - INVERSE_PHI * (b - a);
				fc = f.applyAsDouble(c);
			}
			else {
				a = c;
				c = d;
				fc = fd;
				d = a + INVERSE_PHI * (b - a);
				fd = f.applyAsDouble(d);
			}
		}
		return (a + b) / 2;
	}
}
