package io.analytips.backtest;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.analytips.football.analysis.BlankFactor;
import io.analytips.football.analysis.CornerPriors;
import io.analytips.football.analysis.FitOptions;
import io.analytips.football.analysis.ImpliedGoals;
import io.analytips.football.analysis.OwnPriceBlend;

/**
 * The backtest's command line: {@code --league E0|BRA --from YEAR --to YEAR [--out DIR]}, and, to measure
 * variants of the model, {@code [--xi PER_DAY] [--window DAYS] [--prior MATCHES] [--newcomer-prior true|false]
 * [--market-weight 0..1] [--totals-weight W] [--totals-proxy true|false] [--shots-weight 0..1]
 * [--shots-kind on-target|shots|corners|league-mean] [--own-price-weight 0..1] [--own-price-pool linear|log]
 * [--zero-factor 0..1] [--zero-factor-home 0..1] [--zero-factor-away 0..1]}.
 * {@code [--market goals|corners]} picks what is backtested: the goal markets (the default) or the total corners,
 * whose shrinkage {@code [--corner-prior MATCHES]} varies.
 * {@code [--rule-out FILE]} also writes the value rule the backtest chose to {@code FILE} (the bot bundles each
 * league's as {@code src/main/resources/football/value-rules/<API-Football league id>.properties}).
 * Values follow the flag ({@code --from 2019}) or an equals sign ({@code --from=2019}). {@code ownPrice} is the fixed
 * pool {@code --own-price-weight} asks for, or null: each season's weight chosen walk-forward, as the bot's is.
 */
record BacktestOptions(BacktestLeague league, int from, int to, Path out, FitOptions fit, double totalsWeight,
		boolean totalsProxy, Path ruleOut, Market market, double cornerPrior, ShotEvidence shots, Path settingsOut,
		OwnPriceBlend ownPrice, BlankFactor blanks) {

	/** What the backtest scores: the goal markets and value flags, or the total-corner lines. */
	enum Market {
		GOALS, CORNERS
	}

	static final Path DEFAULT_OUT = Path.of("target", "backtest");

	private static final Set<String> FLAGS = Set.of("--league", "--from", "--to", "--out", "--xi", "--window", "--prior",
			"--newcomer-prior", "--market-weight", "--totals-weight", "--totals-proxy", "--rule-out", "--market", "--corner-prior",
			"--shots-weight", "--shots-kind", "--settings-out", "--own-price-weight", "--own-price-pool",
			"--zero-factor", "--zero-factor-home", "--zero-factor-away");

	/** The command without its explanations, as the application's {@code --help} shows it. */
	static final String SYNOPSIS = "backtest --league E0|BRA --from YEAR --to YEAR [--market goals|corners] [--out DIR]"
			+ " [--rule-out FILE] [--settings-out FILE]"
			+ " [--xi PER_DAY] [--window DAYS] [--prior MATCHES] [--newcomer-prior true|false] [--market-weight 0..1]"
			+ " [--totals-weight W] [--totals-proxy true|false] [--shots-weight 0..1] [--shots-kind KIND]"
			+ " [--own-price-weight 0..1] [--own-price-pool linear|log] [--zero-factor 0..1] [--zero-factor-home 0..1]"
			+ " [--zero-factor-away 0..1] [--corner-prior MATCHES]";

	static final String USAGE = "usage: " + SYNOPSIS;

	/** What {@code backtest --help} prints: every option with its meaning and default. */
	static final String HELP = """
			usage: backtest --league E0|BRA --from YEAR --to YEAR [options]

			Replays the bundled seasons walk-forward (each match predicted from the matches before it) and prints
			the ranked probability score, log loss and Brier score of the model, the closing line, league
			frequencies and uniform; then the backtest of the value flags (ROI, Kelly ROI, closing-line value and
			hit rate with 95%% bootstrap intervals, by edge bucket and confidence) and the flagging rule it chooses
			walk-forward. The predictions (CSV), reliability diagrams (PNG), the report (Markdown) and the chosen
			rule (properties) are written to --out.

			  --league E0|BRA               E0 the Premier League, BRA the Brasileirão Série A
			  --from YEAR                   the first season (the year it starts)
			  --to YEAR                     the last season; a range beyond the data is clamped to the seasons
			                                it holds, and stderr says so in one line
			  --market goals|corners        goals (default): the tables above; corners: instead, the bot's
			                                total-corner lines (8.5-11.5) walk-forward, with the Brier and log
			                                scores against the league's over frequency and 1/2, the calibration
			                                of P(over 9.5) and its variance/mean ratio against one fitted on the
			                                seasons before; only seasons with corner counts are scored (E0 all,
			                                BRA 2020-2023). Writes only <league>-<from>-<to>-corners.md to --out;
			                                --rule-out and the goal model's variants below do not apply
			  --corner-prior MATCHES        with corners: pseudo-matches at the league's corner averages each
			                                team's own is weighed against (default: %s, the bot's)
			  --out DIR                     where the files go (default: %s)
			  --rule-out FILE               also write the chosen value rule here (the bot bundles each league's as
			                                src/main/resources/football/value-rules/<league id>.properties:
			                                39 for E0, 71 for BRA)
			  --settings-out FILE           also write the league's model settings here: the fit below and the
			                                BTTS weight chosen on the seasons from the league's first tuning season
			                                to --to (the bot bundles them as
			                                src/main/resources/football/model-settings/<league id>.properties)
			Variants of the model, to measure them (defaults: the league's bundled fit, the bot's; shown: the
			fallback for a league without one):
			  --xi PER_DAY                  time decay: a match t days old weighs exp(-xi t) (default: %s)
			  --window DAYS                 only matches this many days before the fit count (default: %d)
			  --prior MATCHES               pseudo-matches at league-average strength per team (default: %s)
			  --newcomer-prior true|false   shrink promoted teams towards the weakest (default: %s)
			  --market-weight 0..1          how far a result with prices counts its implied goals (default: %s)
			  --totals-weight W             weight of a past match's over 2.5 price against its 1X2 in its
			                                implied goals; 0 uses the 1X2 alone (default: %s)
			  --totals-proxy true|false     where Pinnacle's closing totals are missing (before 2019/20), use the
			                                pre-closing Betbrain average's, for the tuning season (default: false)
			  --shots-weight 0..1           how far a past match's goals are replaced by its shots times the
			                                league's goals per shot before the fit date (default: %s); above 0
			                                the report also pairs the model with itself at 0
			  --shots-kind KIND             the shots read: on-target (default), shots (all), corners, or
			                                league-mean (a placebo: one a side, so the weight only shrinks
			                                each score towards the league's goals per side)
			  --own-price-weight 0..1       pool the model's 1X2 (and over 2.5) with the match's own margin-free
			                                Pinnacle pre-closing price, weighted this much in every season (default:
			                                each season's weight chosen walk-forward, the bot's way; 0 is the model
			                                alone, 1 the pre-closing price alone); a match without one keeps the
			                                model. Where any weight is above 0 the report pairs the pooled model
			                                with the model alone; the value flags still judge the model alone
			  --own-price-pool linear|log   with --own-price-weight: linear: (1-v) model + v price (default); log:
			                                model^(1-v) price^v, renormalised
			  --zero-factor 0..1            each side's chance of a blank in the score matrix times this (above
			                                0, at most 1), its goals from one up a zero-truncated Poisson that
			                                keeps the fitted mean (default: 1, the Poisson count); below 1 the
			                                report pairs the model with itself at 1
			  --zero-factor-home 0..1       the same for the home side alone (default: --zero-factor)
			  --zero-factor-away 0..1       the same for the away side alone (default: --zero-factor)
			  --help, -h                    this help

			Values follow the flag (--from 2019) or an equals sign (--from=2019).
			Exit code: 0 done, 2 bad arguments, 1 the results could not be written.
			""".formatted(CornerPriors.PRIOR_MATCHES, DEFAULT_OUT, FitOptions.MARKET.xiPerDay(), FitOptions.MARKET.windowDays(),
			FitOptions.MARKET.priorMatches(), FitOptions.MARKET.newcomerPrior(), FitOptions.MARKET.marketWeight(),
			ImpliedGoals.TOTALS_WEIGHT, FitOptions.MARKET.shotsWeight());

	/** Whether the arguments ask for {@link #HELP} rather than a run. */
	static boolean asksForHelp(List<String> args) {
		return args.contains("--help") || args.contains("-h");
	}

	/**
	 * Parses the arguments after {@code backtest}.
	 *
	 * @throws IllegalArgumentException with a one-line reason for an unknown flag, a missing or bad value
	 */
	static BacktestOptions parse(List<String> args) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			if (!FLAGS.contains(flag)) {
				throw new IllegalArgumentException("unknown argument " + arg);
			}
			if (arg.contains("=")) {
				values.put(flag, arg.substring(arg.indexOf('=') + 1));
			}
			else if (i + 1 < args.size()) {
				values.put(flag, args.get(++i));
			}
			else {
				throw new IllegalArgumentException(flag + " needs a value");
			}
		}
		for (String required : List.of("--league", "--from", "--to")) {
			if (!values.containsKey(required)) {
				throw new IllegalArgumentException(required + " is required");
			}
		}
		int from = integer(values, "--from");
		int to = integer(values, "--to");
		if (to < from) {
			throw new IllegalArgumentException("--to " + to + " is before --from " + from);
		}
		// every bundled match has closing prices, so the bot would fit with the league's market options too
		BacktestLeague league = BacktestLeague.of(values.get("--league"));
		FitOptions defaults = ModelSettingsFile.bundled(league).market();
		FitOptions fit = new FitOptions(
				values.containsKey("--xi") ? decimal(values, "--xi") : defaults.xiPerDay(),
				values.containsKey("--window") ? integer(values, "--window") : defaults.windowDays(),
				values.containsKey("--prior") ? decimal(values, "--prior") : defaults.priorMatches(),
				values.containsKey("--newcomer-prior") ? Boolean.parseBoolean(values.get("--newcomer-prior"))
						: defaults.newcomerPrior(),
				values.containsKey("--market-weight") ? decimal(values, "--market-weight") : defaults.marketWeight());
		if (values.containsKey("--shots-weight")) {
			double shotsWeight = decimal(values, "--shots-weight");
			if (!(shotsWeight >= 0 && shotsWeight <= 1)) {
				throw new IllegalArgumentException("--shots-weight must be between 0 and 1: " + shotsWeight);
			}
			fit = fit.withShotsWeight(shotsWeight);
		}
		double totalsWeight = values.containsKey("--totals-weight") ? decimal(values, "--totals-weight")
				: ImpliedGoals.TOTALS_WEIGHT;
		if (!(totalsWeight >= 0) || Double.isInfinite(totalsWeight)) {
			throw new IllegalArgumentException("--totals-weight must be finite and >= 0: " + totalsWeight);
		}
		double cornerPrior = values.containsKey("--corner-prior") ? decimal(values, "--corner-prior")
				: CornerPriors.PRIOR_MATCHES;
		if (!(cornerPrior > 0) || Double.isInfinite(cornerPrior)) {
			throw new IllegalArgumentException("--corner-prior must be finite and > 0: " + cornerPrior);
		}
		return new BacktestOptions(league, from, to,
				Path.of(values.getOrDefault("--out", DEFAULT_OUT.toString())), fit, totalsWeight,
				Boolean.parseBoolean(values.getOrDefault("--totals-proxy", "false")),
				values.containsKey("--rule-out") ? Path.of(values.get("--rule-out")) : null, market(values), cornerPrior,
				ShotEvidence.of(values.getOrDefault("--shots-kind", ShotEvidence.ON_TARGET.flag)),
				values.containsKey("--settings-out") ? Path.of(values.get("--settings-out")) : null, ownPrice(values),
				blanks(values));
	}

	/** The same options for seasons {@code from..to}. */
	BacktestOptions seasons(int from, int to) {
		return new BacktestOptions(league, from, to, out, fit, totalsWeight, totalsProxy, ruleOut, market, cornerPrior,
				shots, settingsOut, ownPrice, blanks);
	}

	/** The seasons as the league writes them, e.g. {@code 2019/20–2024/25}. */
	String seasonRange() {
		return league.season(from) + "–" + league.season(to);
	}

	/** The stem of the output files, e.g. {@code E0-2019-2024}. */
	String stem() {
		return league + "-" + from + "-" + to;
	}

	/** The fixed pool {@code --own-price-weight} asks for, or null: each season's weight chosen walk-forward. */
	private static OwnPriceBlend ownPrice(Map<String, String> values) {
		if (!values.containsKey("--own-price-weight")) {
			if (values.containsKey("--own-price-pool")) {
				throw new IllegalArgumentException("--own-price-pool needs --own-price-weight");
			}
			return null;
		}
		double weight = decimal(values, "--own-price-weight");
		if (!(weight >= 0 && weight <= 1)) {
			throw new IllegalArgumentException("--own-price-weight must be between 0 and 1: " + weight);
		}
		String pool = values.getOrDefault("--own-price-pool", "linear");
		return new OwnPriceBlend(weight, switch (pool) {
			case "linear" -> OwnPriceBlend.Pool.LINEAR;
			case "log" -> OwnPriceBlend.Pool.LOG;
			default -> throw new IllegalArgumentException("--own-price-pool must be linear or log: " + pool);
		});
	}

	private static BlankFactor blanks(Map<String, String> values) {
		double both = values.containsKey("--zero-factor") ? zeroFactor(values, "--zero-factor") : 1;
		double home = values.containsKey("--zero-factor-home") ? zeroFactor(values, "--zero-factor-home") : both;
		double away = values.containsKey("--zero-factor-away") ? zeroFactor(values, "--zero-factor-away") : both;
		return new BlankFactor(home, away);
	}

	private static double zeroFactor(Map<String, String> values, String flag) {
		double factor = decimal(values, flag);
		if (!(factor > 0 && factor <= 1)) {
			throw new IllegalArgumentException(flag + " must be above 0 and at most 1: " + factor);
		}
		return factor;
	}

	private static Market market(Map<String, String> values) {
		String market = values.getOrDefault("--market", "goals");
		return switch (market) {
			case "goals" -> Market.GOALS;
			case "corners" -> Market.CORNERS;
			default -> throw new IllegalArgumentException("--market must be goals or corners: " + market);
		};
	}

	private static int integer(Map<String, String> values, String flag) {
		try {
			return Integer.parseInt(values.get(flag));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(flag + " must be a whole number: " + values.get(flag), ex);
		}
	}

	private static double decimal(Map<String, String> values, String flag) {
		try {
			return Double.parseDouble(values.get(flag));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(flag + " must be a number: " + values.get(flag), ex);
		}
	}
}
