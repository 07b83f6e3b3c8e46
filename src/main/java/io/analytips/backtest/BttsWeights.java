package io.analytips.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.analytips.football.analysis.BothTeamsScoreCalibration;
import io.analytips.football.analysis.ScoringRules;

/**
 * Chooses a league's BTTS calibration walk-forward: each season's weight is the one of the grid 0, 0.05, …, 1 with
 * the lowest Brier score of the calibrated probability on the league's seasons from its first tuning season to the
 * season before (0 where there is none; the smaller weight on a tie), so no season is judged with a weight chosen
 * on itself. The bot's weight is the one chosen on every season up to the last scored.
 */
final class BttsWeights {

	/** The grid's steps between 0 and 1: weights 0, 0.05, …, 1. */
	static final int STEPS = 20;

	private BttsWeights() {
	}

	/**
	 * @param predictions the walk's predictions, calibrated
	 * @param uncalibrated the same predictions with the score matrix's P(both teams score)
	 * @param weights the weight each season was calibrated with, by season
	 * @param latest the weight chosen on every season from the first tuning season to the last: the bot's
	 */
	record Result(List<Prediction> predictions, List<Prediction> uncalibrated, Map<Integer, Double> weights,
			double latest) {

		/**
		 * {mean, standard error} of the calibrated minus the score matrix's BTTS Brier (or log score), match by match,
		 * on seasons {@code from} to {@code to}.
		 */
		double[] gain(int from, int to, boolean logScore) {
			double[] differences = new double[predictions.size()];
			int n = 0;
			for (int i = 0; i < predictions.size(); i++) {
				Prediction calibrated = predictions.get(i);
				if (calibrated.season() >= from && calibrated.season() <= to) {
					differences[n++] = score(calibrated, logScore) - score(uncalibrated.get(i), logScore);
				}
			}
			return PairedDifference.meanAndStandardError(Arrays.copyOf(differences, n));
		}

		private static double score(Prediction p, boolean logScore) {
			return logScore ? ScoringRules.logLoss(p.modelBtts(), p.btts()) : ScoringRules.brier(p.modelBtts(), p.btts());
		}
	}

	/**
	 * Calibrates every prediction with its season's weight ({@link BothTeamsScoreCalibration#apply(double, double)},
	 * the bot's code), chosen on the predictions of seasons {@code tuningFrom} to the one before.
	 */
	static Result walkForward(List<Prediction> predictions, int tuningFrom) {
		Map<Integer, Double> weights = new TreeMap<>();
		List<Prediction> calibrated = new ArrayList<>();
		for (Prediction p : predictions) {
			double weight = weights.computeIfAbsent(p.season(), season -> choose(predictions, tuningFrom, season));
			calibrated.add(p.withModelBtts(new BothTeamsScoreCalibration(weight).apply(p.modelBtts(), p.leagueBttsFrequency())));
		}
		int last = predictions.stream().mapToInt(Prediction::season).max().orElse(tuningFrom);
		return new Result(List.copyOf(calibrated), List.copyOf(predictions), weights,
				choose(predictions, tuningFrom, last + 1));
	}

	/** The grid's weight with the lowest Brier on seasons {@code from} to {@code before − 1}; 0 without any. */
	static double choose(List<Prediction> predictions, int from, int before) {
		List<Prediction> training = predictions.stream().filter(p -> p.season() >= from && p.season() < before).toList();
		double best = 0;
		double bestBrier = Double.POSITIVE_INFINITY;
		for (int step = 0; step <= STEPS; step++) {
			double weight = step / (double) STEPS;
			BothTeamsScoreCalibration calibration = new BothTeamsScoreCalibration(weight);
			double brier = 0;
			for (Prediction p : training) {
				brier += ScoringRules.brier(calibration.apply(p.modelBtts(), p.leagueBttsFrequency()), p.btts());
			}
			// strictly lower, so a tie keeps the smaller weight
			if (!training.isEmpty() && brier < bestBrier - 1e-12) {
				bestBrier = brier;
				best = weight;
			}
		}
		return best;
	}
}
