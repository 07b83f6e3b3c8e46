package io.analytips.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.analytips.football.sim.data.HistoricalData;
import io.analytips.football.sim.data.HistoricalMatch;

/**
 * Runs one backtest: walks the league forward, scores the forecasters, and writes the predictions (CSV),
 * the reliability diagrams (PNG) and the table (Markdown) under the output directory.
 */
final class Backtest {

	private Backtest() {
	}

	/**
	 * The result of a backtest.
	 *
	 * @param table the scores over all the predicted matches
	 * @param bySeason the scores of each season
	 * @param fits how many model fits the walk took
	 * @param fitMillis the mean time of one fit
	 * @param files the files written
	 * @param value the backtest of the flags and the rule it chose
	 * @param valueTables the flags by edge bucket and confidence, for each source of prices
	 */
	record Result(MetricTable table, Map<Integer, MetricTable> bySeason, int fits, double fitMillis, List<Path> files,
			ValueBacktest.Result value, Map<PriceSource, Map<String, BetStats>> valueTables) {
	}

	static Result run(HistoricalData data, BacktestOptions options) throws IOException {
		List<HistoricalMatch> matches = data.matches(options.league().leagueId);
		// the season before the reported ones trains the first choice of the value rule
		WalkForward.Run walk = WalkForward.run(matches, options.from() - 1, options.to(), options.fit(),
				options.totalsWeight(), options.totalsProxy());
		List<Prediction> reported = walk.predictions().stream().filter(p -> p.season() >= options.from()).toList();
		WalkForward.Run run = new WalkForward.Run(reported, walk.fits(), walk.fitNanos());
		if (run.predictions().isEmpty()) {
			throw new IllegalArgumentException("no " + options.league() + " matches with closing prices in seasons "
					+ options.from() + "–" + options.to() + "; the data holds " + data.seasons(options.league().leagueId));
		}
		MetricTable table = MetricTable.of(run.predictions());
		Map<Integer, MetricTable> bySeason = run.predictions().stream()
			.collect(Collectors.groupingBy(Prediction::season, TreeMap::new, Collectors.toList()))
			.entrySet().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> MetricTable.of(e.getValue()), (a, b) -> a, TreeMap::new));
		Files.createDirectories(options.out());
		Path csv = options.out().resolve(options.stem() + "-predictions.csv");
		Path oneXTwo = options.out().resolve(options.stem() + "-reliability-1x2.png");
		Path overUnder = options.out().resolve(options.stem() + "-reliability-ou25.png");
		Path markdown = options.out().resolve(options.stem() + "-metrics.md");
		Path flags = options.out().resolve(options.stem() + "-reliability-flags.png");
		Path rule = options.out().resolve(options.stem() + "-value-rule.properties");
		String title = options.league().displayName + " " + options.league().season(options.from()) + "–"
				+ options.league().season(options.to());
		PredictionsCsv.write(run.predictions(), csv);
		ReliabilityCharts.oneXTwo(run.predictions(), title, oneXTwo);
		ReliabilityCharts.overUnder(run.predictions(), title, overUnder);
		ValueBacktest.Result value = ValueBacktest.run(walk.predictions(), options.from(), options.to(),
				options.league()::season);
		ReliabilityCharts.flags(ValueBacktest.heldOutFlags(value), title, flags);
		List<Path> files = new ArrayList<>(List.of(csv, oneXTwo, overUnder, flags, markdown, rule));
		ValueRuleFile.write(value.rule(), options, rule);
		if (options.ruleOut() != null) {
			ValueRuleFile.write(value.rule(), options, options.ruleOut());
			files.add(options.ruleOut());
		}
		Result result = new Result(table, bySeason, run.fits(), run.fitNanos() / 1e6 / Math.max(1, run.fits()),
				List.copyOf(files), value, ValueBacktest.tables(walk.predictions(), options.from(), options.to()));
		Files.writeString(markdown, report(options, result));
		return result;
	}

	/** The printed report: the settings, the table, and each season's model and closing-line RPS. */
	static String report(BacktestOptions options, Result result) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "## %s %s–%s, walk-forward%n%n", options.league().displayName,
				options.league().season(options.from()), options.league().season(options.to())));
		out.append(String.format(Locale.ROOT,
				"Model: Dixon-Coles, ξ = %s/day, %d-day window, %s prior matches per team, newcomer prior %s, "
						+ "past matches' closing prices weighted %s against their scores, their over 2.5 price %s against "
						+ "their 1X2%s; %d fits, %.1f ms each on average.%n%n",
				options.fit().xiPerDay(), options.fit().windowDays(), options.fit().priorMatches(),
				options.fit().newcomerPrior() ? "on" : "off", options.fit().marketWeight(), options.totalsWeight(),
				options.totalsProxy() ? " (pre-closing Betbrain average where Pinnacle's closing totals are missing)" : "",
				result.fits(),
				result.fitMillis()));
		out.append(result.table().toMarkdown());
		out.append(String.format(Locale.ROOT, "%n| season | matches | model RPS | closing RPS | gap |%n|---|---:|---:|---:|---:|%n"));
		result.bySeason().forEach((season, table) -> out.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %+.4f |%n",
				options.league().season(season), table.matches(), table.row(Forecaster.MODEL).rps(),
				table.row(Forecaster.CLOSING_LINE).rps(), table.rpsGap())));
		out.append(ValueReport.markdown(options, result.value(), result.valueTables()));
		return out.toString();
	}
}
