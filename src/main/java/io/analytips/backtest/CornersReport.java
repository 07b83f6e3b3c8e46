package io.analytips.backtest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.analytips.backtest.CornersBacktest.Difference;
import io.analytips.backtest.CornersBacktest.CornerForecaster;
import io.analytips.football.analysis.CornerMarkets;
import io.analytips.football.analysis.CornerPriors;

/** The corners backtest's printed report, in Markdown, ready for docs/model.md. */
final class CornersReport {

	private CornersReport() {
	}

	static String markdown(CornersBacktest.Result result) {
		BacktestOptions options = result.options();
		CornersWalk.Run run = result.run();
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "## %s %s, total corners, walk-forward%n%n", options.league().displayName,
				options.seasonRange()));
		out.append(String.format(Locale.ROOT,
				"Each team's last %d matches (this season and the last) before the match's day, shrunk towards the "
						+ "league prior with %s pseudo-matches (the bot: %s) and priced with a negative binomial, as "
						+ "the bot does; %d matches forecast, %d without a forecast (neither team had played).%n%n",
				CornersWalk.RECENT_MATCHES, options.cornerPrior(), CornerPriors.PRIOR_MATCHES, run.forecasts().size(),
				run.unforecast()));
		out.append("| forecaster |");
		StringBuilder rule = new StringBuilder("|---|");
		for (double line : CornerMarkets.LINES) {
			out.append(String.format(Locale.ROOT, " O/U %s Brier | O/U %s log |", line, line));
			rule.append("---:|---:|");
		}
		out.append('\n').append(rule).append('\n');
		boolean otherPrior = options.cornerPrior() != CornerPriors.PRIOR_MATCHES;
		for (CornerForecaster f : CornerForecaster.values()) {
			if (f == CornerForecaster.AS_THE_BOT && !otherPrior) {
				continue; // the same forecasts as the model's row
			}
			out.append("| ").append(f.label).append(" |");
			for (int line = 0; line < CornerMarkets.LINES.size(); line++) {
				out.append(String.format(Locale.ROOT, " %.4f | %.4f |", result.mean(f, line, false),
						result.mean(f, line, true)));
			}
			out.append('\n');
		}
		out.append("\n| paired difference | matches | mean | standard error | 95% interval |\n");
		out.append("|---|---:|---:|---:|---:|\n");
		for (Difference d : result.differences()) {
			out.append(String.format(Locale.ROOT, "| %s − %s, O/U %s %s | %d | %+.4f | %.4f | [%+.4f, %+.4f] |%n",
					d.model().label, d.against().label, CornerMarkets.LINES.get(d.line()), d.log() ? "log" : "Brier",
					run.forecasts().size(), d.mean(), d.standardError(), d.low(), d.high()));
		}
		appendCalibration(out, result);
		out.append("\n| season | matches | φ fitted | fitted on (matches before) | model O/U 9.5 Brier | "
				+ "league frequency O/U 9.5 Brier | model ECE |\n|---|---:|---:|---:|---:|---:|---:|\n");
		Map<Integer, List<CornersWalk.Forecast>> bySeason = run.forecasts().stream()
			.collect(Collectors.groupingBy(CornersWalk.Forecast::season));
		run.ratios().forEach((season, ratio) -> {
			List<CornersWalk.Forecast> forecasts = bySeason.get(season);
			out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %d | %.4f | %.4f | %.4f |%n",
					options.league().season(season), forecasts.size(), ratio, run.tuningMatches().get(season),
					mean(forecasts, CornerForecaster.MODEL), mean(forecasts, CornerForecaster.LEAGUE_FREQUENCY),
					CornersBacktest.reliability(forecasts, CornerForecaster.MODEL).calibrationError()));
		});
		return out.toString();
	}

	private static void appendCalibration(StringBuilder out, CornersBacktest.Result result) {
		List<CornersWalk.Forecast> forecasts = result.run().forecasts();
		out.append(String.format(Locale.ROOT,
				"%nCalibration of P(over 9.5): expected calibration error (ECE) = Σ_b (n_b / N) · |mean forecast_b − "
						+ "observed frequency_b| over ten equal-width bins [0, 0.1), …, [0.9, 1]: model %.4f, model with "
						+ "φ fitted %.4f, league frequency %.4f%s (target: within 0.02).%n%n",
				result.reliability().calibrationError(),
				CornersBacktest.reliability(forecasts, CornerForecaster.FITTED).calibrationError(),
				CornersBacktest.reliability(forecasts, CornerForecaster.LEAGUE_FREQUENCY).calibrationError(),
				result.options().cornerPrior() == CornerPriors.PRIOR_MATCHES ? ""
						: String.format(Locale.ROOT, ", %s %.4f", CornerForecaster.AS_THE_BOT.label,
								CornersBacktest.reliability(forecasts, CornerForecaster.AS_THE_BOT).calibrationError())));
		out.append("| bin | matches | mean forecast | observed frequency |\n|---|---:|---:|---:|\n");
		for (Reliability.Bin bin : result.reliability().bins()) {
			out.append(String.format(Locale.ROOT, "| [%.1f, %.1f%s | %d | %.4f | %.4f |%n", bin.index() / 10.0,
					(bin.index() + 1) / 10.0, bin.index() == Reliability.BINS - 1 ? "]" : ")", bin.point().count(),
					bin.point().forecast(), bin.point().observed()));
		}
	}

	private static double mean(List<CornersWalk.Forecast> forecasts, CornerForecaster f) {
		return forecasts.stream().mapToDouble(CornersBacktest.score(f, CornersBacktest.MAIN_LINE, false)).average()
			.orElse(Double.NaN);
	}
}
