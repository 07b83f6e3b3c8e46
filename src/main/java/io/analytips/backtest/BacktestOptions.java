package io.analytips.backtest;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.analytips.football.analysis.FitOptions;

/**
 * The backtest's command line: {@code --league E0|BRA --from YEAR --to YEAR [--out DIR]}, and, to measure
 * variants of the model, {@code [--xi PER_DAY] [--window DAYS] [--prior MATCHES] [--newcomer-prior true|false]
 * [--market-weight 0..1]}.
 * Values follow the flag ({@code --from 2019}) or an equals sign ({@code --from=2019}).
 */
record BacktestOptions(BacktestLeague league, int from, int to, Path out, FitOptions fit) {

	static final Path DEFAULT_OUT = Path.of("target", "backtest");

	private static final Set<String> FLAGS = Set.of("--league", "--from", "--to", "--out", "--xi", "--window", "--prior",
			"--newcomer-prior", "--market-weight");

	static final String USAGE = "usage: backtest --league E0|BRA --from YEAR --to YEAR [--out DIR] [--xi PER_DAY]"
			+ " [--window DAYS] [--prior MATCHES] [--newcomer-prior true|false] [--market-weight 0..1]";

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
		// every bundled match has closing prices, so the bot would fit with the market options too
		FitOptions defaults = FitOptions.MARKET;
		FitOptions fit = new FitOptions(
				values.containsKey("--xi") ? decimal(values, "--xi") : defaults.xiPerDay(),
				values.containsKey("--window") ? integer(values, "--window") : defaults.windowDays(),
				values.containsKey("--prior") ? decimal(values, "--prior") : defaults.priorMatches(),
				values.containsKey("--newcomer-prior") ? Boolean.parseBoolean(values.get("--newcomer-prior"))
						: defaults.newcomerPrior(),
				values.containsKey("--market-weight") ? decimal(values, "--market-weight") : defaults.marketWeight());
		return new BacktestOptions(BacktestLeague.of(values.get("--league")), from, to,
				Path.of(values.getOrDefault("--out", DEFAULT_OUT.toString())), fit);
	}

	/** The stem of the output files, e.g. {@code E0-2019-2024}. */
	String stem() {
		return league + "-" + from + "-" + to;
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
