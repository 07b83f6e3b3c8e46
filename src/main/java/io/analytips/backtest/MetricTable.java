package io.analytips.backtest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.analytips.football.analysis.ScoringRules;

/**
 * The backtest's scores: for each {@link Forecaster}, the mean RPS, log loss and Brier score of its 1X2
 * forecasts and the Brier score of its over/under 2.5 forecasts, all on the same matches, plus the paired
 * difference in RPS between the model and the closing line with its standard error.
 *
 * @param matches how many matches the 1X2 scores average over
 * @param overUnderMatches how many matches the over/under scores average over: those with closing totals
 *        prices when there are any, else all (and the closing line has no over/under score)
 * @param rows one row per forecaster, in {@link Forecaster} order
 * @param rpsGap mean of (model RPS − closing-line RPS) per match
 * @param rpsGapStandardError the standard error of that mean
 */
record MetricTable(int matches, int overUnderMatches, List<Row> rows, double rpsGap, double rpsGapStandardError) {

	/**
	 * @param overUnderBrier NaN when the forecaster has no over/under forecast on these matches
	 */
	record Row(Forecaster forecaster, double rps, double logLoss, double brier, double overUnderBrier) {
	}

	/**
	 * Scores the predictions.
	 *
	 * @throws IllegalArgumentException if there are none
	 */
	static MetricTable of(List<Prediction> predictions) {
		if (predictions.isEmpty()) {
			throw new IllegalArgumentException("no predictions to score");
		}
		List<Prediction> withTotals = predictions.stream().filter(p -> p.closingOver25() != null).toList();
		List<Prediction> overUnder = withTotals.isEmpty() ? predictions : withTotals;
		Map<Forecaster, double[]> sums = new EnumMap<>(Forecaster.class);
		for (Forecaster f : Forecaster.values()) {
			double[] sum = new double[4];
			for (Prediction p : predictions) {
				double[] q = f.oneXTwo(p);
				sum[0] += ScoringRules.rps(q, p.outcome());
				sum[1] += ScoringRules.logLoss(q, p.outcome());
				sum[2] += ScoringRules.brier(q, p.outcome());
			}
			for (Prediction p : overUnder) {
				sum[3] += ScoringRules.brier(f.over25(p), p.over25());
			}
			sums.put(f, sum);
		}
		List<Row> rows = new ArrayList<>();
		int n = predictions.size();
		sums.forEach((f, s) -> rows.add(new Row(f, s[0] / n, s[1] / n, s[2] / n, s[3] / overUnder.size())));
		double[] gaps = predictions.stream()
			.mapToDouble(p -> ScoringRules.rps(p.model(), p.outcome()) - ScoringRules.rps(p.closing(), p.outcome()))
			.toArray();
		double mean = 0;
		for (double g : gaps) {
			mean += g / n;
		}
		double variance = 0;
		for (double g : gaps) {
			variance += (g - mean) * (g - mean) / Math.max(1, n - 1);
		}
		return new MetricTable(n, overUnder.size(), List.copyOf(rows), mean, Math.sqrt(variance / n));
	}

	Row row(Forecaster forecaster) {
		return rows.stream().filter(r -> r.forecaster() == forecaster).findFirst().orElseThrow();
	}

	/** The table in Markdown, ready for docs/model.md. */
	String toMarkdown() {
		StringBuilder out = new StringBuilder();
		out.append("| forecaster | 1X2 RPS | 1X2 log loss | 1X2 Brier | O/U 2.5 Brier |\n");
		out.append("|---|---:|---:|---:|---:|\n");
		for (Row row : rows) {
			out.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %s |%n", row.forecaster().label, row.rps(),
					row.logLoss(), row.brier(),
					Double.isNaN(row.overUnderBrier()) ? "—" : String.format(Locale.ROOT, "%.4f", row.overUnderBrier())));
		}
		out.append(String.format(Locale.ROOT,
				"%n%d matches for 1X2, %d for over/under 2.5. Model − closing line, RPS: %+.4f (paired standard error %.4f).%n",
				matches, overUnderMatches, rpsGap, rpsGapStandardError));
		return out.toString();
	}
}
