package io.analytips.football.analysis;

import java.util.ArrayList;
import java.util.List;

/** Fits the Dixon-Coles ρ by golden-section search, the expected goals of every match held fixed. */
final class RhoFit {

	/** Published fits fall between -0.15 and -0.03; the range leaves room on both sides. */
	static final double LOW = -0.2;

	static final double HIGH = 0.1;

	private static final double TOLERANCE = 1e-7;

	private RhoFit() {
	}

	/**
	 * ρ maximising {@code Σ w log τ(x, y; λ, μ, ρ)}. τ moves mass between four cells without adding
	 * any, so this is the whole likelihood's dependence on ρ; it is concave in ρ, so the search
	 * finds the maximum. Only scores up to 1-1 carry information, and without any ρ is 0.
	 */
	static double fit(WeightedSample sample, double[] lambda, double[] mu) {
		List<LowScore> lowScores = new ArrayList<>();
		for (int m = 0; m < sample.size(); m++) {
			if (sample.homeScore[m] <= 1 && sample.awayScore[m] <= 1) {
				lowScores.add(new LowScore(sample.homeScore[m], sample.awayScore[m], lambda[m], mu[m],
						sample.weight[m]));
			}
		}
		if (lowScores.isEmpty()) {
			return 0;
		}
		return GoldenSection.maximise(rho -> logLikelihood(lowScores, rho), LOW, HIGH, TOLERANCE);
	}

	private static double logLikelihood(List<LowScore> lowScores, double rho) {
		double logLikelihood = 0;
		for (LowScore s : lowScores) {
			double tau = ScoreMatrix.tau(s.home(), s.away(), s.lambda(), s.mu(), rho);
			if (tau <= 0) {
				// a ρ that gives a played score no probability is impossible
				return Double.NEGATIVE_INFINITY;
			}
			logLikelihood += s.weight() * Math.log(tau);
		}
		return logLikelihood;
	}

	private record LowScore(int home, int away, double lambda, double mu, double weight) {
	}
}
