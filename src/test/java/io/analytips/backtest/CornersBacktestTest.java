package io.analytips.backtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.analytips.backtest.CornersBacktest.CornerForecaster;
import io.analytips.football.analysis.CornerPriors;
import io.analytips.football.sim.data.HistoricalData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The corners backtest on the bundled Premier League seasons, and its command line. */
class CornersBacktestTest {

	private static HistoricalData data;

	@TempDir
	Path out;

	@BeforeAll
	static void load() {
		data = HistoricalData.loadClosingPrices();
	}

	private BacktestOptions options(String from, String to, String league) {
		return BacktestOptions.parse(List.of("--league", league, "--from", from, "--to", to, "--market", "corners",
				"--out", out.toString()));
	}

	@Test
	void scoresEverySeasonsMatchesForEveryForecasterAndWritesTheTables() throws IOException {
		CornersBacktest.Result result = CornersBacktest.run(data, options("2023", "2023", "E0"));

		assertThat(result.run().forecasts()).hasSize(380);
		assertThat(result.mean(CornerForecaster.UNIFORM, CornersBacktest.MAIN_LINE, true)).isCloseTo(Math.log(2),
				within(1e-12));
		assertThat(result.mean(CornerForecaster.UNIFORM, CornersBacktest.MAIN_LINE, false)).isCloseTo(0.25, within(1e-12));
		assertThat(result.differences()).hasSize(12)
			.allSatisfy(d -> assertThat(d.low()).isLessThan(d.mean()).isLessThan(d.high()));
		// 2023/24's ratio is fitted on the 2017/18–2022/23 forecasts: all of 2018/19 on, less 2017/18's opening day
		assertThat(result.run().tuningMatches()).containsEntry(2023, 6 * 380 - 10);
		assertThat(result.run().ratios().get(2023)).isBetween(CornersWalk.RATIO_MIN, CornersWalk.RATIO_MAX);
		String markdown = Files.readString(out.resolve("E0-2023-2023-corners.md"));
		assertThat(markdown).contains("| model, bot's φ = 1.2 |", "| league frequency |", "| uniform |",
				"| bin | matches | mean forecast | observed frequency |", "| 2023/24 | 380 |");
	}

	@Test
	void theBotsPseudoMatchesAreCalibratedWithinTheTargetAndTheFittedRatioIsNoBetter() throws IOException {
		CornersBacktest.Result result = CornersBacktest.run(data, options("2019", "2024", "E0"));

		// the figures docs/model.md reports (measured 2026-12-07)
		assertThat(result.run().forecasts()).hasSize(2280);
		assertThat(CornerPriors.PRIOR_MATCHES).isEqualTo(15);
		assertThat(result.reliability().calibrationError()).isCloseTo(0.0120, within(5e-5)).isLessThan(0.02);
		assertThat(result.mean(CornerForecaster.MODEL, CornersBacktest.MAIN_LINE, false)).isCloseTo(0.2444, within(5e-5));
		assertThat(result.mean(CornerForecaster.LEAGUE_FREQUENCY, CornersBacktest.MAIN_LINE, false)).isCloseTo(0.2441,
				within(5e-5));
		CornersBacktest.Difference fitted = result.difference(CornerForecaster.FITTED, CornerForecaster.MODEL,
				CornersBacktest.MAIN_LINE, true);
		assertThat(fitted.mean()).as("the fitted ratio scores no better than 1.2").isPositive();
		assertThat(CornerPriors.DEFAULT.varianceToMean()).isEqualTo(1.2);
		assertThat(result.differences()).noneMatch(d -> d.against() == CornerForecaster.AS_THE_BOT);
	}

	@Test
	void theFirstFivePseudoMatchesScoreWorseThanTheBotsBeyondTheNoise() throws IOException {
		BacktestOptions five = BacktestOptions.parse(List.of("--league", "E0", "--from", "2019", "--to", "2024",
				"--market", "corners", "--corner-prior", "5", "--out", out.toString()));

		CornersBacktest.Result result = CornersBacktest.run(data, five);

		for (boolean log : new boolean[] { false, true }) {
			CornersBacktest.Difference againstTheBot = result.difference(CornerForecaster.MODEL,
					CornerForecaster.AS_THE_BOT, CornersBacktest.MAIN_LINE, log);
			assertThat(againstTheBot.low()).as(log ? "log score" : "Brier").isPositive();
		}
		assertThat(result.difference(CornerForecaster.MODEL, CornerForecaster.AS_THE_BOT, CornersBacktest.MAIN_LINE,
				false).mean()).isCloseTo(0.0023, within(5e-5));
		assertThat(result.reliability().calibrationError()).isCloseTo(0.0426, within(5e-5));
		assertThat(Files.readString(out.resolve("E0-2019-2024-corners.md")))
			.contains("| the bot's own 15.0 pseudo-matches |", "the bot's own 15.0 pseudo-matches 0.0120");
	}

	@Test
	void aLeagueWithoutCornerCountsIsAClearError() {
		assertThatThrownBy(() -> CornersBacktest.run(data, options("2012", "2019", "BRA")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no BRA matches with corner counts in seasons 2012–2019");
	}

	@Test
	void theCommandLinePrintsTheCornersTablesAndRejectsAnUnknownMarket() {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);

		int code = BacktestMain.run(List.of("--league", "E0", "--from", "2016", "--to", "2017", "--market=corners",
				"--out", out.toString()), new PrintStream(printed, true, StandardCharsets.UTF_8), err);

		assertThat(code).isZero();
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("total corners, walk-forward",
				"| paired difference |", "expected calibration error", "wrote " + out.resolve("E0-2017-2017-corners.md"));
		assertThat(errors.toString(StandardCharsets.UTF_8)).contains("clamped to those with corner counts")
			.contains("scored 2017/18–2017/18");
		assertThat(BacktestMain.run(List.of("--league", "E0", "--from", "2019", "--to", "2019", "--market", "shots"),
				System.out, err)).isEqualTo(2);
		assertThat(BacktestMain.run(List.of("--league", "BRA", "--from", "2019", "--to", "2019", "--market", "corners",
				"--out", out.toString()), System.out, err)).isEqualTo(2);
		assertThat(errors.toString(StandardCharsets.UTF_8)).contains("--market must be goals or corners: shots",
				"no BRA matches with corner counts");
	}

	@Test
	void moreCornerPseudoMatchesPullTheForecastsTogetherAndNoneIsAnError() throws IOException {
		BacktestOptions weak = BacktestOptions.parse(List.of("--league", "E0", "--from", "2023", "--to", "2023",
				"--market", "corners", "--corner-prior", "5", "--out", out.toString()));
		BacktestOptions strong = BacktestOptions.parse(List.of("--league", "E0", "--from", "2023", "--to", "2023",
				"--market", "corners", "--corner-prior", "40", "--out", out.toString()));

		double loose = spread(CornersBacktest.run(data, weak));
		double shrunk = spread(CornersBacktest.run(data, strong));

		assertThat(strong.cornerPrior()).isEqualTo(40);
		assertThat(shrunk).isPositive().isLessThan(loose / 2);
		assertThatThrownBy(() -> BacktestOptions.parse(List.of("--league", "E0", "--from", "2023", "--to", "2023",
				"--corner-prior", "0")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("--corner-prior must be finite and > 0: 0.0");
	}

	/** The range of the forecasts of P(over 9.5). */
	private static double spread(CornersBacktest.Result result) {
		double[] overs = result.run().forecasts().stream().mapToDouble(f -> f.fixed()[CornersBacktest.MAIN_LINE])
			.toArray();
		return Arrays.stream(overs).max().orElseThrow() - Arrays.stream(overs).min().orElseThrow();
	}

	@Test
	void helpTellsWhatTheCornersMarketDoes() {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();

		BacktestMain.run(List.of("--help"), new PrintStream(printed, true, StandardCharsets.UTF_8), System.err);

		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("--market goals|corners",
				"calibration", "variance/mean ratio", "--corner-prior MATCHES", "(default: 15.0, the bot's)");
		assertThat(BacktestOptions.SYNOPSIS).contains("[--market goals|corners]");
	}
}
