package io.analytips.backtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.analytips.football.analysis.FitOptions;
import io.analytips.football.analysis.ImpliedGoals;
import io.analytips.football.sim.data.HistoricalData;
import io.analytips.football.sim.data.HistoricalMatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The backtest on a small slice of the bundled data: one Premier League season. */
class BacktestTest {

	private static HistoricalData data;

	@TempDir
	Path out;

	@BeforeAll
	static void load() {
		data = HistoricalData.loadClosingPrices();
	}

	@Test
	void scoresOneSeasonForEveryForecasterAndTheModelBeatsUniformAndLeagueFrequencies() throws IOException {
		BacktestOptions options = BacktestOptions.parse(List.of("--league", "E0", "--from", "2021", "--to", "2021",
				"--out", out.toString()));

		Backtest.Result result = Backtest.run(data, options);

		MetricTable table = result.table();
		assertThat(table.matches()).isEqualTo(380);
		assertThat(table.overUnderMatches()).isBetween(370, 380);
		assertThat(table.rows()).extracting(MetricTable.Row::forecaster).containsExactly(Forecaster.values());
		assertThat(table.row(Forecaster.UNIFORM).rps()).isBetween(0.23, 0.25);
		assertThat(table.row(Forecaster.UNIFORM).logLoss()).isEqualTo(Math.log(3), org.assertj.core.api.Assertions.within(1e-12));
		assertThat(table.row(Forecaster.MODEL).rps()).isLessThan(table.row(Forecaster.UNIFORM).rps() - 0.02)
			.isLessThan(table.row(Forecaster.LEAGUE_FREQUENCIES).rps());
		assertThat(table.row(Forecaster.MODEL).logLoss()).isLessThan(table.row(Forecaster.UNIFORM).logLoss());
		assertThat(table.row(Forecaster.CLOSING_LINE).overUnderBrier()).isLessThan(0.25);
		assertThat(table.row(Forecaster.CLOSING_LINE).overUnderLogLoss()).isLessThan(Math.log(2));
		assertThat(table.row(Forecaster.CLOSING_LINE).bttsBrier()).isNaN();
		assertThat(table.row(Forecaster.UNIFORM).bttsLogLoss()).isEqualTo(Math.log(2), org.assertj.core.api.Assertions.within(1e-12));
		// each paired difference over the matches its score averages over
		assertThat(table.differences()).extracting(PairedDifference::matches)
			.containsExactly(380, 380, table.overUnderMatches(), table.overUnderMatches(), 380, 380);
		assertThat(table.differences()).allSatisfy(d -> assertThat(d.low()).isLessThan(d.mean()).isLessThan(d.high()));
		assertThat(result.bySeason()).containsOnlyKeys(2021);
		assertThat(table.toMarkdown()).contains("| model |", "| closing line |", "| league frequencies |", "| uniform |");
	}

	@Test
	void writesThePredictionsAndTwoReliabilityDiagrams() throws IOException {
		Backtest.Result result = Backtest.run(data, BacktestOptions.parse(List.of("--league=BRA", "--from=2023",
				"--to=2023", "--out=" + out)));

		List<String> csv = Files.readAllLines(out.resolve("BRA-2023-2023-predictions.csv"));
		assertThat(csv).hasSize(381).first().isEqualTo(PredictionsCsv.HEADER);
		for (String png : List.of("BRA-2023-2023-reliability-1x2.png", "BRA-2023-2023-reliability-ou25.png")) {
			byte[] bytes = Files.readAllBytes(out.resolve(png));
			assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
		}
		assertThat(result.files()).hasSize(7).allMatch(Files::exists);
		assertThat(out.resolve("BRA-2023-2023-reliability-flags.png")).exists();
		// the league's model settings, with its BTTS weight chosen on 2014–2023
		assertThat(Files.readString(out.resolve("BRA-2023-2023-model-settings.properties")))
			.contains("--league BRA --from 2023 --to 2023 --settings-out", "btts.frequency-weight=");
		// and the report says what the score matrix's BTTS rests on, season by season, and how reliable it was
		assertThat(Backtest.report(result)).contains("BTTS: the model's probability pulled towards",
				"| 2023 | 380 |", "| all | 380 |", "BTTS expected calibration error (ten bins): matrix ");
		// the Série A file has no totals prices, and neither file has BTTS prices
		assertThat(result.table().row(Forecaster.CLOSING_LINE).overUnderBrier()).isNaN();
		assertThat(result.table().row(Forecaster.CLOSING_LINE).overUnderLogLoss()).isNaN();
		assertThat(result.table().row(Forecaster.CLOSING_LINE).bttsLogLoss()).isNaN();
		assertThat(result.table().toMarkdown().lines())
			.anyMatch(line -> line.startsWith("| closing line |") && line.endsWith("| — | — | — | — |"));
		// both teams scoring is near a coin toss: every forecaster's log score is near ln 2, none infinite
		assertThat(result.table().row(Forecaster.MODEL).bttsLogLoss()).isBetween(0.6, Math.log(2) + 0.05);
	}

	@Test
	void everyForecastIsAProbabilityVector() {
		WalkForward.Run run = WalkForward.run(data.matches(HistoricalData.PREMIER_LEAGUE), 2019, 2019, FitOptions.SCORES);

		for (Prediction p : run.predictions()) {
			for (Forecaster f : Forecaster.values()) {
				double[] q = f.oneXTwo(p);
				assertThat(q[0] + q[1] + q[2]).as("%s %s", f, p.date()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-9));
			}
			// a probability strictly inside (0, 1), so its log score is finite; the closing line has no BTTS price
			for (Forecaster f : List.of(Forecaster.MODEL, Forecaster.LEAGUE_FREQUENCIES, Forecaster.UNIFORM)) {
				assertThat(f.btts(p)).as("%s %s", f, p.date()).isStrictlyBetween(0.0, 1.0);
			}
			assertThat(Forecaster.CLOSING_LINE.btts(p)).isNaN();
		}
	}

	@Test
	void aPredictionUsesOnlyMatchesPlayedOnEarlierDays() {
		List<HistoricalMatch> all = data.matches(HistoricalData.PREMIER_LEAGUE);
		LocalDate cut = LocalDate.of(2020, 1, 1);
		List<HistoricalMatch> beforeCut = all.stream().filter(m -> m.kickoffUtc().toLocalDate().isBefore(cut)).toList();

		// with the market options, so that no price of the day or after it leaks in either
		List<Prediction> full = WalkForward.run(all, 2019, 2019, FitOptions.MARKET).predictions();
		List<Prediction> truncated = WalkForward.run(beforeCut, 2019, 2019, FitOptions.MARKET).predictions();

		assertThat(truncated).isNotEmpty();
		for (int i = 0; i < truncated.size(); i++) {
			assertThat(full.get(i).model()).isEqualTo(truncated.get(i).model());
		}
	}

	@Test
	void pastMatchesClosingPricesBringTheModelCloserToTheClosingLine() throws IOException {
		// the model alone in both: the fixture's own price would close most of either gap
		BacktestOptions withPrices = BacktestOptions.parse(List.of("--league", "E0", "--from", "2021", "--to", "2021",
				"--out", out.toString(), "--own-price-weight", "0"));
		BacktestOptions scoresOnly = BacktestOptions.parse(List.of("--league", "E0", "--from", "2021", "--to", "2021",
				"--out", out.toString(), "--own-price-weight", "0", "--market-weight", "0", "--xi", "0.003", "--prior", "5"));

		assertThat(withPrices.fit()).isEqualTo(FitOptions.MARKET);
		double gapWithPrices = Backtest.run(data, withPrices).table().rpsGap();
		double gapScoresOnly = Backtest.run(data, scoresOnly).table().rpsGap();

		assertThat(gapWithPrices).isLessThan(gapScoresOnly - 0.002);
	}

	@Test
	void pastMatchesTotalsPricesBringTheModelsOverUnderCloserToTheClosingLine() throws IOException {
		BacktestOptions withTotals = BacktestOptions.parse(List.of("--league", "E0", "--from", "2021", "--to", "2021",
				"--out", out.toString()));
		BacktestOptions oneXTwoOnly = BacktestOptions.parse(List.of("--league", "E0", "--from", "2021", "--to", "2021",
				"--out", out.toString(), "--totals-weight", "0"));

		assertThat(withTotals.totalsWeight()).isEqualTo(ImpliedGoals.TOTALS_WEIGHT);
		assertThat(withTotals.totalsProxy()).isFalse();
		double brierWithTotals = Backtest.run(data, withTotals).table().row(Forecaster.MODEL).overUnderBrier();
		double brierOneXTwoOnly = Backtest.run(data, oneXTwoOnly).table().row(Forecaster.MODEL).overUnderBrier();

		assertThat(brierWithTotals).isLessThan(brierOneXTwoOnly);
	}

	@Test
	void theTotalsProxyFillsInOnlyWherePinnacleHasNoClosingTotals() {
		List<HistoricalMatch> all = data.matches(HistoricalData.PREMIER_LEAGUE);

		// 2018/19's fits see only 2017/18–2018/19 matches, which have no Pinnacle closing totals
		List<Prediction> plain = WalkForward.run(all, 2018, 2018, FitOptions.MARKET, 1, false).predictions();
		List<Prediction> proxied = WalkForward.run(all, 2018, 2018, FitOptions.MARKET, 1, true).predictions();
		List<Prediction> oneXTwoOnly = WalkForward.run(all, 2018, 2018, FitOptions.MARKET, 0, true).predictions();
		assertThat(proxied.get(200).modelOver25()).isNotEqualTo(plain.get(200).modelOver25());
		assertThat(oneXTwoOnly.get(200).modelOver25()).isEqualTo(plain.get(200).modelOver25());
	}

	@Test
	void aRangeBeyondTheDataIsLabelledWithTheSeasonsActuallyScored() throws IOException {
		// the bundled Premier League data holds 2017/18–2024/25
		BacktestOptions early = BacktestOptions.parse(List.of("--league", "E0", "--from", "1990", "--to", "2017",
				"--out", out.toString()));
		BacktestOptions late = BacktestOptions.parse(List.of("--league", "E0", "--from", "2024", "--to", "2030",
				"--out", out.toString()));

		Backtest.Result fromEarly = Backtest.run(data, early);
		Backtest.Result toLate = Backtest.run(data, late);

		assertThat(fromEarly.options().from()).isEqualTo(2017);
		assertThat(fromEarly.options().to()).isEqualTo(2017);
		assertThat(Backtest.report(fromEarly)).startsWith("## Premier League 2017/18–2017/18, walk-forward")
			.contains("## Value flags, Premier League 2017/18–2017/18", "| 2017/18 |")
			.doesNotContain("1990", "2016/17");
		assertThat(fromEarly.files()).allSatisfy(file -> assertThat(file.getFileName().toString()).startsWith("E0-2017-2017-"));
		assertThat(Backtest.report(toLate)).startsWith("## Premier League 2024/25–2024/25, walk-forward")
			.doesNotContain("2025/26", "2030");
		assertThat(toLate.table().matches()).isEqualTo(380);
	}

	@Test
	void saysInOneLineOnStandardErrorWhenTheRangeWasClampedToTheData() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
		PrintStream report = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

		assertThat(BacktestMain.run(List.of("--league", "E0", "--from", "2021", "--to", "2021", "--out", out.toString()),
				report, errors)).isZero();
		assertThat(err.size()).isZero();
		assertThat(BacktestMain.run(List.of("--league", "E0", "--from", "1990", "--to", "2017", "--out", out.toString()),
				report, errors)).isZero();

		assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
			.contains("1990/91–2017/18", "2017/18–2024/25", "2017/18–2017/18");
	}

	@Test
	void badArgumentsExitWithTwoAndTheUsage() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

		int code = BacktestMain.run(List.of("--league", "XX", "--from", "2019", "--to", "2020"), System.out, errors);

		assertThat(code).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown league XX", "usage: backtest");
		assertThat(BacktestMain.run(List.of("--league", "E0", "--from", "2019"), System.out, errors)).isEqualTo(2);
		assertThat(BacktestMain.run(List.of("--league", "E0", "--from", "2019", "--to", "2018"), System.out, errors))
			.isEqualTo(2);
		assertThat(BacktestMain.run(List.of("--league", "E0", "--from", "2019", "--to", "2019", "--market-weight", "1.5"),
				System.out, errors)).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("marketWeight must be between 0 and 1",
				"see backtest --help");
		assertThat(BacktestMain.run(List.of("--league", "E0", "--from", "2019", "--to", "2019", "--totals-weight", "-1"),
				System.out, errors)).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--totals-weight must be finite and >= 0");
	}

	@Test
	void helpPrintsEveryOptionWithItsDefaultAndExitsZero() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int code = BacktestMain.run(List.of("--help"), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(code).isZero();
		assertThat(err.size()).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: backtest", "--league E0|BRA", "--from YEAR",
				"--to YEAR", "--out DIR", "(default: " + BacktestOptions.DEFAULT_OUT + ")", "--xi PER_DAY",
				"(default: 0.008)", "--window DAYS", "--prior MATCHES", "--newcomer-prior true|false", "--market-weight 0..1",
				"--totals-weight W", "--totals-proxy true|false", "--own-price-weight 0..1", "--own-price-pool linear|log");
		assertThat(BacktestMain.run(List.of("-h"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
	}

	private static List<String> concat(List<String> first, String... more) {
		return java.util.stream.Stream.concat(first.stream(), java.util.Arrays.stream(more)).toList();
	}
}
