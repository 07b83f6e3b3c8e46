package io.analytips.backtest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backtest's scores: for each {@link Forecaster}, the mean RPS, log loss and Brier score of its 1X2
 * forecasts, the Brier and log score of its over/under 2.5 forecasts and of its both-teams-to-score forecasts,
 * all on the same matches; and the model's paired differences with the closing line (1X2 and over/under) and,
 * where the closing line has no price (both teams to score), with the league frequencies.
 *
 * @param matches how many matches the 1X2 and BTTS scores average over
 * @param overUnderMatches how many matches the over/under scores average over: those with closing totals
 *        prices when there are any, else all (and the closing line has no over/under score)
 * @param rows one row per forecaster, in {@link Forecaster} order
 * @param differences the model's paired differences, in {@link #COMPARED} order
 */
record MetricTable(int matches, int overUnderMatches, List<Row> rows, List<PairedDifference> differences) {

	/** The model's paired comparisons: each market's scores against the best other forecaster that prices it. */
	static final List<Map.Entry<Forecaster, Score>> COMPARED = List.of(
			Map.entry(Forecaster.CLOSING_LINE, Score.ONE_X_TWO_RPS),
			Map.entry(Forecaster.CLOSING_LINE, Score.ONE_X_TWO_LOG_LOSS),
			Map.entry(Forecaster.CLOSING_LINE, Score.OVER_UNDER_BRIER),
			Map.entry(Forecaster.CLOSING_LINE, Score.OVER_UNDER_LOG_LOSS),
			// the data files have no both-teams-to-score prices
			Map.entry(Forecaster.LEAGUE_FREQUENCIES, Score.BTTS_BRIER),
			Map.entry(Forecaster.LEAGUE_FREQUENCIES, Score.BTTS_LOG_LOSS));

	/**
	 * One forecaster's mean scores; NaN where it has no forecast for the market on these matches (the closing
	 * line's BTTS, and its over/under without totals prices).
	 */
	record Row(Forecaster forecaster, Map<Score, Double> scores) {

		Row {
			scores = Map.copyOf(scores);
		}

		double score(Score score) {
			return scores.get(score);
		}

		double rps() {
			return score(Score.ONE_X_TWO_RPS);
		}

		double logLoss() {
			return score(Score.ONE_X_TWO_LOG_LOSS);
		}

		double brier() {
			return score(Score.ONE_X_TWO_BRIER);
		}

		double overUnderBrier() {
			return score(Score.OVER_UNDER_BRIER);
		}

		double overUnderLogLoss() {
			return score(Score.OVER_UNDER_LOG_LOSS);
		}

		double bttsBrier() {
			return score(Score.BTTS_BRIER);
		}

		double bttsLogLoss() {
			return score(Score.BTTS_LOG_LOSS);
		}
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
		List<Row> rows = new ArrayList<>();
		for (Forecaster f : Forecaster.values()) {
			Map<Score, Double> means = new EnumMap<>(Score.class);
			for (Score score : Score.values()) {
				List<Prediction> scored = score.overUnder() ? overUnder : predictions;
				means.put(score, scored.stream().mapToDouble(p -> score.of(f, p)).sum() / scored.size());
			}
			rows.add(new Row(f, means));
		}
		List<PairedDifference> differences = COMPARED.stream()
			.map(c -> PairedDifference.of(c.getKey(), c.getValue(), c.getValue().overUnder() ? overUnder : predictions))
			.toList();
		return new MetricTable(predictions.size(), overUnder.size(), List.copyOf(rows), differences);
	}

	Row row(Forecaster forecaster) {
		return rows.stream().filter(r -> r.forecaster() == forecaster).findFirst().orElseThrow();
	}

	/** The model's paired difference with {@code against} in {@code score}. */
	PairedDifference difference(Forecaster against, Score score) {
		return differences.stream()
			.filter(d -> d.against() == against && d.score() == score)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("the table does not compare " + score.label + " with the "
					+ against.label));
	}

	/** Mean of (model RPS − closing-line RPS) per match. */
	double rpsGap() {
		return difference(Forecaster.CLOSING_LINE, Score.ONE_X_TWO_RPS).mean();
	}

	/** The standard error of {@link #rpsGap()}. */
	double rpsGapStandardError() {
		return difference(Forecaster.CLOSING_LINE, Score.ONE_X_TWO_RPS).standardError();
	}

	/** The scores table, then the paired differences' table, in Markdown, ready for docs/model.md. */
	String toMarkdown() {
		StringBuilder out = new StringBuilder("| forecaster |");
		StringBuilder rule = new StringBuilder("|---|");
		for (Score score : Score.values()) {
			out.append(' ').append(score.label).append(" |");
			rule.append("---:|");
		}
		out.append('\n').append(rule).append('\n');
		for (Row row : rows) {
			out.append("| ").append(row.forecaster().label).append(" |");
			for (Score score : Score.values()) {
				out.append(' ').append(figure("%.4f", row.score(score))).append(" |");
			}
			out.append('\n');
		}
		out.append(String.format(Locale.ROOT, "%n%d matches for 1X2 and BTTS, %d for over/under 2.5.%n%n", matches,
				overUnderMatches));
		out.append("| paired difference | matches | mean | standard error | 95% interval |\n");
		out.append("|---|---:|---:|---:|---:|\n");
		for (PairedDifference d : differences) {
			String interval = Double.isNaN(d.mean()) ? "—"
					: "[" + figure("%+.4f", d.low()) + ", " + figure("%+.4f", d.high()) + "]";
			out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", d.label(), d.matches(),
					figure("%+.4f", d.mean()), figure("%.4f", d.standardError()), interval));
		}
		return out.toString();
	}

	/** A score, or "—" where the forecaster has none. */
	private static String figure(String format, double value) {
		return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, format, value);
	}
}
