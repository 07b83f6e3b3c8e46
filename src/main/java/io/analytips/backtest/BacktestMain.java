package io.analytips.backtest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import io.analytips.football.sim.data.HistoricalData;

/**
 * {@code java -jar analytips.jar backtest --league E0 --from 2019 --to 2024}: the walk-forward backtest on the
 * bundled seasons, without a Spring context so that it starts at once.
 */
public final class BacktestMain {

	private static final String HELP_HINT = "see backtest --help";

	private BacktestMain() {
	}

	/** The command line of the backtest in one line, for the application's {@code --help}. */
	public static String synopsis() {
		return BacktestOptions.SYNOPSIS;
	}

	/**
	 * Runs the backtest for the arguments after {@code backtest}, printing the report to {@code out} and any
	 * problem, in one line followed by the usage, to {@code err}. {@code --help} prints every option to
	 * {@code out} instead.
	 *
	 * @return the process exit code: 0 on success (or help), 2 for bad arguments, 1 when the run failed
	 */
	public static int run(List<String> args, PrintStream out, PrintStream err) {
		if (BacktestOptions.asksForHelp(args)) {
			out.print(BacktestOptions.HELP);
			return 0;
		}
		// The charts are drawn off-screen; without this a machine with no display fails in AWT.
		System.setProperty("java.awt.headless", "true");
		BacktestOptions options;
		try {
			options = BacktestOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("backtest: " + ex.getMessage());
			err.println(BacktestOptions.USAGE);
			err.println(HELP_HINT);
			return 2;
		}
		try {
			HistoricalData data = HistoricalData.loadClosingPrices();
			if (options.market() == BacktestOptions.Market.CORNERS) {
				return corners(data, options, out, err);
			}
			Backtest.Result result = Backtest.run(data, options);
			BacktestOptions scored = result.options();
			if (scored.from() != options.from() || scored.to() != options.to()) {
				err.println("backtest: seasons " + options.seasonRange() + " clamped to the data, which holds "
						+ options.league() + " " + Backtest.held(options.league(), Backtest.pricedSeasons(
								data.matches(options.league().leagueId))) + ": scored " + scored.seasonRange());
			}
			out.print(Backtest.report(result));
			out.println();
			for (Path file : result.files()) {
				out.println("wrote " + file);
			}
			return 0;
		}
		catch (IllegalArgumentException ex) {
			err.println("backtest: " + ex.getMessage() + " (" + HELP_HINT + ")");
			return 2;
		}
		catch (IOException | UncheckedIOException ex) {
			err.println("backtest: cannot write the results: " + ex.getMessage());
			return 1;
		}
	}

	private static int corners(HistoricalData data, BacktestOptions options, PrintStream out, PrintStream err)
			throws IOException {
		CornersBacktest.Result result = CornersBacktest.run(data, options);
		BacktestOptions scored = result.options();
		if (scored.from() != options.from() || scored.to() != options.to()) {
			err.println("backtest: seasons " + options.seasonRange() + " clamped to those with corner counts, "
					+ Backtest.held(options.league(), CornersBacktest.seasonsWithCorners(
							data.matches(options.league().leagueId))) + ": scored " + scored.seasonRange());
		}
		out.print(CornersReport.markdown(result));
		out.println();
		for (Path file : result.files()) {
			out.println("wrote " + file);
		}
		return 0;
	}
}
