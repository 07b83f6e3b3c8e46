package io.analytips.backtest;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The model with one setting against the model with another, match by match on the same matches: for each score,
 * the mean of (variant − baseline) with its standard error and 95% interval, as {@link PairedDifference} pairs the
 * model with the other forecasters (below zero the variant scores better). It is how a change of the model is
 * told from the noise of the season it was measured on.
 *
 * @param variant what the variant is, e.g. {@code shots on target weighted 0.5}
 * @param baseline what it is compared with, e.g. {@code no shots}
 * @param rows one row per score, in {@link #SCORES} order
 */
record ModelPair(String variant, String baseline, List<ModelPair.Row> rows) {

	/** The scores compared: each market's two. */
	static final List<Score> SCORES = List.of(Score.ONE_X_TWO_RPS, Score.ONE_X_TWO_LOG_LOSS, Score.OVER_UNDER_BRIER,
			Score.OVER_UNDER_LOG_LOSS, Score.BTTS_BRIER, Score.BTTS_LOG_LOSS);

	/** One score's paired difference. */
	record Row(Score score, int matches, double mean, double standardError) {

		double low() {
			return mean - PairedDifference.Z_95 * standardError;
		}

		double high() {
			return mean + PairedDifference.Z_95 * standardError;
		}
	}

	ModelPair {
		rows = List.copyOf(rows);
	}

	/**
	 * Pairs two walks' predictions of the same matches. Over/under is scored on the matches with closing totals
	 * prices when there are any, as {@link MetricTable} scores it.
	 *
	 * @throws IllegalArgumentException if the two lists are empty or do not predict the same matches in the same
	 *         order
	 */
	static ModelPair of(String variant, String baseline, List<Prediction> variantPredictions,
			List<Prediction> baselinePredictions) {
		int n = variantPredictions.size();
		if (n == 0 || n != baselinePredictions.size()) {
			throw new IllegalArgumentException("cannot pair " + n + " predictions with " + baselinePredictions.size());
		}
		for (int i = 0; i < n; i++) {
			Prediction a = variantPredictions.get(i);
			Prediction b = baselinePredictions.get(i);
			if (!a.date().equals(b.date()) || !a.home().equals(b.home()) || !a.away().equals(b.away())) {
				throw new IllegalArgumentException("match " + i + " differs: " + a.home() + "–" + a.away() + " on "
						+ a.date() + " against " + b.home() + "–" + b.away() + " on " + b.date());
			}
		}
		boolean anyTotals = variantPredictions.stream().anyMatch(p -> p.closingOver25() != null);
		List<Row> rows = SCORES.stream().map(score -> {
			double[] differences = IntStream.range(0, n)
				.filter(i -> !score.overUnder() || !anyTotals || variantPredictions.get(i).closingOver25() != null)
				.mapToDouble(i -> score.of(Forecaster.MODEL, variantPredictions.get(i))
						- score.of(Forecaster.MODEL, baselinePredictions.get(i)))
				.toArray();
			double[] meanAndError = PairedDifference.meanAndStandardError(differences);
			return new Row(score, differences.length, meanAndError[0], meanAndError[1]);
		}).toList();
		return new ModelPair(variant, baseline, rows);
	}

	/** The row of one score. */
	Row row(Score score) {
		return rows.stream().filter(r -> r.score() == score).findFirst().orElseThrow();
	}

	/** The pair's table in Markdown. */
	String toMarkdown() {
		StringBuilder out = new StringBuilder("| paired difference | matches | mean | standard error | 95% interval |\n");
		out.append("|---|---:|---:|---:|---:|\n");
		for (Row row : rows) {
			out.append(String.format(Locale.ROOT, "| model, %s − model, %s, %s | %d | %+.4f | %.4f | [%+.4f, %+.4f] |%n",
					variant, baseline, row.score().label, row.matches(), row.mean(), row.standardError(), row.low(),
					row.high()));
		}
		return out.toString();
	}
}
