package io.analytips.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.analytips.football.analysis.BlankFactor;
import io.analytips.football.analysis.FitOptions;
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
	 * @param options the options run, with the seasons actually scored: the requested ones within the data's
	 * @param table the scores over all the predicted matches
	 * @param bySeason the scores of each season
	 * @param fits how many model fits the walk took
	 * @param fitMillis the mean time of one fit
	 * @param files the files written
	 * @param value the backtest of the flags and the rule it chose
	 * @param valueTables the flags by edge bucket and confidence, for each source of prices
	 * @param btts the BTTS weights chosen walk-forward, and the bot's
	 * @param ownPrice the own-price weight each season was pooled with (chosen walk-forward unless fixed), and the
	 *        bot's
	 * @param shotsPair with a shots weight above 0, the model paired with itself without shots; else {@code null}
	 * @param ownPricePair with an own-price weight above 0 in any season scored, the pooled model paired with the
	 *        model alone; else {@code null}
	 * @param blankPair with a blank factor below 1, the model paired with itself on the Poisson matrix; else
	 *        {@code null}
	 */
	record Result(BacktestOptions options, MetricTable table, Map<Integer, MetricTable> bySeason, int fits, double fitMillis, List<Path> files,
			ValueBacktest.Result value, Map<PriceSource, Map<String, BetStats>> valueTables, BttsWeights.Result btts,
			OwnPriceWeights.Result ownPrice, ModelPair shotsPair, ModelPair ownPricePair, ModelPair blankPair) {
	}

	/**
	 * Runs the backtest on the requested seasons that the data holds (with closing prices): a range reaching beyond
	 * them is clamped to them, and {@link Result#options()} says which were scored.
	 *
	 * @throws IllegalArgumentException when the data holds none of the requested seasons
	 */
	static Result run(HistoricalData data, BacktestOptions requested) throws IOException {
		List<HistoricalMatch> matches = data.matches(requested.league().leagueId);
		BacktestOptions options = withinTheData(requested, matches);
		// the season before the reported ones trains the first choice of the value rule; the league's tuning seasons
		// on, the choice of its BTTS weight
		WalkForward.Run all = walkFromTheTuningSeasons(matches, options, options.fit(), options.blanks());
		BttsWeights.Result btts = BttsWeights.walkForward(all.predictions(), options.league().tuningFrom);
		WalkForward.Run walk = new WalkForward.Run(
				btts.predictions().stream().filter(p -> p.season() >= options.from() - 1).toList(), all.fits(),
				all.fitNanos());
		List<Prediction> alone = walk.predictions().stream().filter(p -> p.season() >= options.from()).toList();
		// the fixture's own pre-match price pooled in, as the bot shows it, for the scores only: the value flags below
		// keep judging the model alone, or they would find value in the market's own echo
		OwnPriceWeights.Result own = options.ownPrice() == null
				? OwnPriceWeights.walkForward(btts.predictions(), options.league().tuningFrom)
				: OwnPriceWeights.fixed(btts.predictions(), options.ownPrice());
		List<Prediction> reported = own.predictions().stream().filter(p -> p.season() >= options.from()).toList();
		WalkForward.Run run = new WalkForward.Run(reported, walk.fits(), walk.fitNanos());
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
		Path settings = options.out().resolve(options.stem() + "-model-settings.properties");
		String title = options.league().displayName + " " + options.seasonRange();
		PredictionsCsv.write(run.predictions(), csv);
		ReliabilityCharts.oneXTwo(run.predictions(), title, oneXTwo);
		ReliabilityCharts.overUnder(run.predictions(), title, overUnder);
		ValueBacktest.Result value = ValueBacktest.run(walk.predictions(), options.from(), options.to(),
				options.league()::season);
		ReliabilityCharts.flags(ValueBacktest.heldOutFlags(value), title, flags);
		List<Path> files = new ArrayList<>(List.of(csv, oneXTwo, overUnder, flags, markdown, rule, settings));
		ValueRuleFile.write(value.rule(), options, rule);
		if (options.ruleOut() != null) {
			ValueRuleFile.write(value.rule(), options, options.ruleOut());
			files.add(options.ruleOut());
		}
		ModelSettingsFile.write(btts.latest(), own.latest(), options, settings);
		if (options.settingsOut() != null) {
			ModelSettingsFile.write(btts.latest(), own.latest(), options, options.settingsOut());
			files.add(options.settingsOut());
		}
		Result result = new Result(options, table, bySeason, run.fits(), run.fitNanos() / 1e6 / Math.max(1, run.fits()),
				List.copyOf(files), value, ValueBacktest.tables(walk.predictions(), options.from(), options.to()), btts, own,
				shotsPair(matches, options, own, reported), ownPricePair(options, own, reported, alone),
				blankPair(matches, options, own, reported));
		Files.writeString(markdown, report(result));
		return result;
	}

	/**
	 * With a shots weight above 0, the model paired with the same walk without shots, pooled with the fixture's own
	 * price as the reported one is (the second walk doubles the run's time); {@code null} otherwise.
	 */
	private static ModelPair shotsPair(List<HistoricalMatch> matches, BacktestOptions options, OwnPriceWeights.Result own,
			List<Prediction> reported) {
		double weight = options.fit().shotsWeight();
		if (weight == 0) {
			return null;
		}
		// the same walk and the same walk-forward BTTS calibration, without shots: the pair differs only in them
		List<Prediction> without = BttsWeights.walkForward(
				walkFromTheTuningSeasons(matches, options, options.fit().withShotsWeight(0), options.blanks()).predictions(),
				options.league().tuningFrom).predictions().stream().filter(p -> p.season() >= options.from())
			.map(p -> pooledAsReported(p, options, own)).toList();
		return ModelPair.of(options.shots().label + " weighted " + weight, "no " + options.shots().label, reported,
				without);
	}

	/**
	 * With a blank factor below 1, the model paired with the same walk on the plain Dixon-Coles matrix, both through
	 * the same walk-forward BTTS calibration and the same pool with the fixture's own price (the second walk doubles
	 * the run's time); {@code null} otherwise.
	 */
	private static ModelPair blankPair(List<HistoricalMatch> matches, BacktestOptions options, OwnPriceWeights.Result own,
			List<Prediction> reported) {
		if (options.blanks().none()) {
			return null;
		}
		List<Prediction> poisson = BttsWeights.walkForward(
				walkFromTheTuningSeasons(matches, options, options.fit(), BlankFactor.NONE).predictions(),
				options.league().tuningFrom).predictions().stream().filter(p -> p.season() >= options.from())
			.map(p -> pooledAsReported(p, options, own)).toList();
		return ModelPair.of(blankLabel(options), "Poisson blanks", reported, poisson);
	}

	/** A prediction of a second walk pooled with its own price as the reported one of its season is. */
	private static Prediction pooledAsReported(Prediction p, BacktestOptions options, OwnPriceWeights.Result own) {
		return p.withOwnPrice(options.ownPrice() != null ? options.ownPrice()
				: OwnPriceWeights.blend(own.weights().getOrDefault(p.season(), 0.0)));
	}

	private static String blankLabel(BacktestOptions options) {
		return String.format(Locale.ROOT, "blanks × %s home, × %s away", options.blanks().home(),
				options.blanks().away());
	}

	/**
	 * With an own-price weight above 0 in any season scored, the pooled model paired with the model alone; {@code null}
	 * otherwise.
	 */
	private static ModelPair ownPricePair(BacktestOptions options, OwnPriceWeights.Result own, List<Prediction> pooled,
			List<Prediction> alone) {
		boolean pools = own.weights().entrySet().stream().anyMatch(e -> e.getKey() >= options.from() && e.getValue() > 0);
		return pools ? ModelPair.of(ownPriceLabel(options), "alone", pooled, alone) : null;
	}

	/** The pool as the report's pairs name it: with its fixed weight, or as chosen walk-forward. */
	private static String ownPriceLabel(BacktestOptions options) {
		return options.ownPrice() == null ? "pooled with its own pre-closing price"
				: String.format(Locale.ROOT, "%s pool with its own pre-closing price weighted %s",
						options.ownPrice().pool().name().toLowerCase(Locale.ROOT), options.ownPrice().weight());
	}

	/** The report's sentence on the pool: its weight, or each season's chosen walk-forward and the bot's. */
	private static String ownPriceSentence(BacktestOptions options, Result result) {
		BacktestLeague league = options.league();
		OwnPriceWeights.Result own = result.ownPrice();
		String bots = own.latest().isPresent()
				? String.format(Locale.ROOT, "chosen on %s–%s, what --settings-out writes: %.2f",
						league.season(league.tuningFrom), league.season(options.to()), own.latest().getAsDouble())
				: String.format(Locale.ROOT, "no match of %s–%s has a pre-closing price to choose a weight on, so "
						+ "--settings-out writes none and the bot takes the largest of the other leagues'",
						league.season(league.tuningFrom), league.season(options.to()));
		if (result.ownPricePair() == null) {
			return String.format(Locale.ROOT, "The model's 1X2 and over 2.5 are its own: no season scored here leans on "
					+ "the fixture's own price (%s).%n%n", bots);
		}
		if (options.ownPrice() != null) {
			return String.format(Locale.ROOT, "The model's 1X2 and over 2.5 are the %s (where the match has one; the value "
					+ "flags below judge the model alone).%n%n", ownPriceLabel(options));
		}
		return String.format(Locale.ROOT, "The model's 1X2 and over 2.5 are a linear pool with the match's own Pinnacle "
				+ "pre-closing price where it has one, (1 − v) · model + v · price, v chosen on the seasons from %s to "
				+ "the one before: %s (%s). The value flags below judge the model alone.%n%n",
				league.season(league.tuningFrom),
				league.weightsFrom(options.from(), own.weights()), bots);
	}

	/** The walk from the league's first tuning season (or the season before the reported ones, if earlier) on. */
	private static WalkForward.Run walkFromTheTuningSeasons(List<HistoricalMatch> matches, BacktestOptions options,
			FitOptions fit, BlankFactor blanks) {
		return WalkForward.run(matches, Math.min(options.from() - 1, options.league().tuningFrom), options.to(), fit,
				options.totalsWeight(), options.totalsProxy(), options.shots(), blanks);
	}

	/**
	 * The requested seasons within those the data holds with closing prices; the walk has nothing to score
	 * outside them, and a report labelled with seasons it never saw would misstate what it measured.
	 */
	static BacktestOptions withinTheData(BacktestOptions requested, List<HistoricalMatch> matches) {
		TreeSet<Integer> priced = pricedSeasons(matches);
		int from = priced.isEmpty() ? requested.from() : Math.max(requested.from(), priced.first());
		int to = priced.isEmpty() ? requested.to() : Math.min(requested.to(), priced.last());
		if (from > to || priced.subSet(from, true, to, true).isEmpty()) {
			throw new IllegalArgumentException("no " + requested.league() + " matches with closing prices in seasons "
					+ requested.seasonRange() + "; the data holds " + held(requested.league(), priced));
		}
		return requested.seasons(from, to);
	}

	/** The seasons of {@code matches} that have closing prices: those the walk can score. */
	static TreeSet<Integer> pricedSeasons(List<HistoricalMatch> matches) {
		return matches.stream()
			.filter(m -> WalkForward.closing(m).isPresent())
			.map(HistoricalMatch::season)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** The seasons the data holds with closing prices, e.g. {@code 2017/18–2024/25}, for messages. */
	static String held(BacktestLeague league, TreeSet<Integer> seasons) {
		return seasons.isEmpty() ? "none" : league.season(seasons.first()) + "–" + league.season(seasons.last());
	}

	/**
	 * The printed report: the settings, the scores and the model's paired differences, and each season's model and
	 * closing-line RPS.
	 */
	static String report(Result result) {
		BacktestOptions options = result.options();
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "## %s %s, walk-forward%n%n", options.league().displayName,
				options.seasonRange()));
		out.append(String.format(Locale.ROOT,
				"Model: Dixon-Coles, ξ = %s/day, %d-day window, %s prior matches per team, newcomer prior %s, "
						+ "past matches' closing prices weighted %s against their scores, their over 2.5 price %s against "
						+ "their 1X2%s; %d fits, %.1f ms each on average.%n%n",
				options.fit().xiPerDay(), options.fit().windowDays(), options.fit().priorMatches(),
				options.fit().newcomerPrior() ? "on" : "off", options.fit().marketWeight(), options.totalsWeight(),
				options.totalsProxy() ? " (pre-closing Betbrain average where Pinnacle's closing totals are missing)" : "",
				result.fits(),
				result.fitMillis()));
		if (result.shotsPair() != null) {
			out.append(String.format(Locale.ROOT, "Past matches' goals blended with their %s times the league's goals per "
					+ "shot before the fit date, weighted %s.%n%n", options.shots().label, options.fit().shotsWeight()));
		}
		out.append(ownPriceSentence(options, result));
		if (result.blankPair() != null) {
			out.append(String.format(Locale.ROOT, "Score matrix: each side's P(0 goals) times its blank factor (home %s, "
					+ "away %s), its goals from one up a zero-truncated Poisson keeping the fitted mean.%n%n",
					options.blanks().home(), options.blanks().away()));
		}
		out.append(result.table().toMarkdown());
		if (result.ownPricePair() != null) {
			out.append(String.format(Locale.ROOT, "%nThe pooled model against the model alone, on the same matches:%n%n"));
			out.append(result.ownPricePair().toMarkdown());
		}
		if (result.shotsPair() != null) {
			out.append(String.format(Locale.ROOT, "%nThe model against itself without %s, on the same matches:%n%n",
					options.shots().label));
			out.append(result.shotsPair().toMarkdown());
		}
		if (result.blankPair() != null) {
			out.append(String.format(Locale.ROOT, "%nThe model against itself with Poisson blanks, on the same matches:%n%n"));
			out.append(result.blankPair().toMarkdown());
		}
		out.append(BttsReport.markdown(options, result.btts()));
		out.append(String.format(Locale.ROOT, "%n| season | matches | model RPS | closing RPS | gap |%n|---|---:|---:|---:|---:|%n"));
		result.bySeason().forEach((season, table) -> out.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %+.4f |%n",
				options.league().season(season), table.matches(), table.row(Forecaster.MODEL).rps(),
				table.row(Forecaster.CLOSING_LINE).rps(), table.rpsGap())));
		out.append(ValueReport.markdown(options, result.value(), result.valueTables()));
		return out.toString();
	}
}
