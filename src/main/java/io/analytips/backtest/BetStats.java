package io.analytips.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.analytips.football.analysis.ValueRule.Interval;

/**
 * What a set of flagged bets did, each figure with a 95% bootstrap interval. The bootstrap resamples
 * <em>matches</em>, not bets: two flags on one match (a side and the over) win or lose together, and
 * resampling them apart would make the intervals too narrow.
 *
 * @param bets how many bets
 * @param matches how many matches they were on
 * @param roi profit per unit staked at the taken price, flat stakes
 * @param kellyRoi profit per unit staked with the bot's quarter-Kelly stakes
 * @param clv mean closing-line value (taken price ÷ Pinnacle's margin-free closing price − 1), over the bets
 *        with a closing price; null when none has one
 * @param clvBets how many bets the CLV averages over
 * @param hitRate the share of bets that won
 * @param modelProbability the model's mean probability of the bets: a calibrated model has it near the hit rate
 * @param shortfall hit rate − model probability: below zero the model overrates its flags
 */
record BetStats(int bets, int matches, Interval roi, Interval kellyRoi, Interval clv, int clvBets, double hitRate,
		double modelProbability, Interval shortfall) {

	/** Bootstrap resamples: enough for the 2.5th and 97.5th percentiles to settle at the third decimal. */
	static final int RESAMPLES = 2000;

	/** A fixed seed: the same data always prints the same intervals. */
	static final long SEED = 2019;

	private static final int STAKED = 0;
	private static final int PROFIT = 1;
	private static final int KELLY_STAKED = 2;
	private static final int KELLY_PROFIT = 3;
	private static final int CLV_COUNT = 4;
	private static final int CLV_SUM = 5;
	private static final int WON = 6;
	private static final int MODEL = 7;
	private static final int SUMS = 8;

	/**
	 * The figures of {@code bets}.
	 *
	 * @throws IllegalArgumentException if there are no bets
	 */
	static BetStats of(List<Bet> bets) {
		if (bets.isEmpty()) {
			throw new IllegalArgumentException("no bets to score");
		}
		// clusters in the order of their first bet, so that the same bets always resample the same way
		Map<Prediction, Integer> index = new IdentityHashMap<>();
		List<double[]> byMatch = new ArrayList<>();
		for (Bet bet : bets) {
			double[] sums = byMatch.get(index.computeIfAbsent(bet.match(), m -> {
				byMatch.add(new double[SUMS]);
				return byMatch.size() - 1;
			}));
			sums[STAKED] += 1;
			sums[PROFIT] += bet.profit();
			sums[KELLY_STAKED] += bet.bet().stake();
			sums[KELLY_PROFIT] += bet.bet().stake() * bet.profit();
			if (!Double.isNaN(bet.closingProbability())) {
				sums[CLV_COUNT] += 1;
				sums[CLV_SUM] += bet.clv();
			}
			sums[WON] += bet.won() ? 1 : 0;
			sums[MODEL] += bet.bet().modelProbability();
		}
		double[][] clusters = byMatch.toArray(double[][]::new);
		double[] total = sum(clusters, null, null);
		double[][] samples = new double[4][RESAMPLES];
		SplittableRandom random = new SplittableRandom(SEED);
		int[] pick = new int[clusters.length];
		double[] resampled = new double[SUMS];
		for (int r = 0; r < RESAMPLES; r++) {
			for (int i = 0; i < pick.length; i++) {
				pick[i] = random.nextInt(clusters.length);
			}
			sum(clusters, pick, resampled);
			samples[0][r] = resampled[PROFIT] / resampled[STAKED];
			samples[1][r] = resampled[KELLY_STAKED] == 0 ? 0 : resampled[KELLY_PROFIT] / resampled[KELLY_STAKED];
			samples[2][r] = resampled[CLV_COUNT] == 0 ? 0 : resampled[CLV_SUM] / resampled[CLV_COUNT];
			samples[3][r] = (resampled[WON] - resampled[MODEL]) / resampled[STAKED];
		}
		Interval clv = total[CLV_COUNT] == 0 ? null : interval(total[CLV_SUM] / total[CLV_COUNT], samples[2]);
		return new BetStats(bets.size(), clusters.length, interval(total[PROFIT] / total[STAKED], samples[0]),
				interval(total[KELLY_STAKED] == 0 ? 0 : total[KELLY_PROFIT] / total[KELLY_STAKED], samples[1]), clv,
				(int) total[CLV_COUNT], total[WON] / total[STAKED], total[MODEL] / total[STAKED],
				interval((total[WON] - total[MODEL]) / total[STAKED], samples[3]));
	}

	/** The sums of the picked clusters (all of them when {@code pick} is null), into {@code into} or a new array. */
	private static double[] sum(double[][] clusters, int[] pick, double[] into) {
		double[] sums = into == null ? new double[SUMS] : into;
		Arrays.fill(sums, 0);
		int n = pick == null ? clusters.length : pick.length;
		for (int i = 0; i < n; i++) {
			double[] cluster = clusters[pick == null ? i : pick[i]];
			for (int k = 0; k < SUMS; k++) {
				sums[k] += cluster[k];
			}
		}
		return sums;
	}

	/**
	 * The percentile interval of the resampled statistic around the estimate; widened to hold the estimate in the
	 * rare case a skewed bootstrap leaves it outside.
	 */
	private static Interval interval(double estimate, double[] samples) {
		double[] sorted = samples.clone();
		Arrays.sort(sorted);
		double low = sorted[(int) Math.floor(0.025 * (sorted.length - 1))];
		double high = sorted[(int) Math.ceil(0.975 * (sorted.length - 1))];
		return new Interval(estimate, Math.min(low, estimate), Math.max(high, estimate));
	}
}
