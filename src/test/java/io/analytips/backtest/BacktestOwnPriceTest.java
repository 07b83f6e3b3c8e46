package io.analytips.backtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.analytips.football.analysis.OwnPriceBlend;
import io.analytips.football.sim.data.HistoricalData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The backtest's forecasts pooled with each match's own pre-closing price, the way the bot shows them. */
class BacktestOwnPriceTest {

	private static HistoricalData data;

	@TempDir
	Path out;

	@BeforeAll
	static void load() {
		data = HistoricalData.loadClosingPrices();
	}

	@Test
	void byDefaultEachSeasonIsPooledWithTheWeightTheSeasonsBeforeItChoseAsTheBotIs() throws IOException {
		List<String> season = List.of("--league", "E0", "--from", "2021", "--to", "2021", "--out", out.toString());
		Backtest.Result walked = Backtest.run(data, BacktestOptions.parse(season));
		Backtest.Result alone = Backtest.run(data, BacktestOptions.parse(concat(season, "--own-price-weight", "0")));

		// chosen on 2018/19–2020/21, never on 2021/22 itself
		double weight = walked.ownPrice().weights().get(2021);
		assertThat(weight).isGreaterThan(0);
		assertThat(walked.ownPricePair()).isNotNull();
		assertThat(walked.ownPricePair().row(Score.ONE_X_TWO_RPS).mean()).isCloseTo(walked.table().row(Forecaster.MODEL).rps()
				- alone.table().row(Forecaster.MODEL).rps(), within(1e-12));
		assertThat(walked.ownPrice().latest()).isPresent();
		assertThat(Backtest.report(walked)).contains(String.format(java.util.Locale.ROOT,
				"v chosen on the seasons from 2018/19 to the one before: 2021/22 %.2f", weight));
		assertThat(Files.readString(out.resolve("E0-2021-2021-model-settings.properties")))
			.contains("own-price.market-weight=");
		assertThat(walked.value().rule()).isEqualTo(alone.value().rule());
	}

	@Test
	void theOwnPriceOptionsAreParsedAndBadValuesRejected() {
		List<String> season = List.of("--league", "E0", "--from", "2021", "--to", "2021");

		// unset: each season's weight chosen walk-forward
		assertThat(BacktestOptions.parse(season).ownPrice()).isNull();
		assertThat(BacktestOptions.parse(concat(season, "--own-price-weight", "0.5", "--own-price-pool=log")).ownPrice())
			.isEqualTo(new OwnPriceBlend(0.5, OwnPriceBlend.Pool.LOG));
		assertThat(BacktestOptions.parse(concat(season, "--own-price-weight=1")).ownPrice())
			.isEqualTo(new OwnPriceBlend(1, OwnPriceBlend.Pool.LINEAR));
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
		assertThat(BacktestMain.run(concat(season, "--own-price-weight", "1.5"), System.out, errors)).isEqualTo(2);
		assertThat(BacktestMain.run(concat(season, "--own-price-weight", "half"), System.out, errors)).isEqualTo(2);
		assertThat(BacktestMain.run(concat(season, "--own-price-weight", "1", "--own-price-pool", "cubic"), System.out,
				errors)).isEqualTo(2);
		assertThat(BacktestMain.run(concat(season, "--own-price-pool", "log"), System.out, errors)).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--own-price-weight must be between 0 and 1: 1.5",
				"--own-price-weight must be a number: half", "--own-price-pool must be linear or log: cubic",
				"--own-price-pool needs --own-price-weight");
	}

	@Test
	void theOwnPricePoolsTheScoredForecastsWhileTheValueFlagsStillJudgeTheModelAlone() throws IOException {
		List<String> season = List.of("--league", "E0", "--from", "2021", "--to", "2021");
		Backtest.Result alone = Backtest.run(data, BacktestOptions.parse(concat(season, "--out", out.resolve("alone").toString(),
				"--own-price-weight", "0")));
		Backtest.Result pooled = Backtest.run(data, BacktestOptions.parse(concat(season, "--out",
				out.resolve("pooled").toString(), "--own-price-weight", "0.5")));

		assertThat(alone.ownPricePair()).isNull();
		ModelPair pair = pooled.ownPricePair();
		assertThat(pair.row(Score.ONE_X_TWO_RPS).matches()).isEqualTo(380);
		assertThat(pair.row(Score.ONE_X_TWO_RPS).mean()).isCloseTo(pooled.table().row(Forecaster.MODEL).rps()
				- alone.table().row(Forecaster.MODEL).rps(), within(1e-12));
		assertThat(pooled.table().row(Forecaster.MODEL).rps()).isNotEqualTo(alone.table().row(Forecaster.MODEL).rps());
		assertThat(pooled.table().row(Forecaster.CLOSING_LINE)).isEqualTo(alone.table().row(Forecaster.CLOSING_LINE));
		// the flags, their tables and the rule they choose are the model's alone: no value found in the market's echo
		assertThat(alone.value().bets()).isNotEmpty();
		assertThat(pooled.value().bets()).extracting(Bet::bet)
			.containsExactlyElementsOf(alone.value().bets().stream().map(Bet::bet).toList());
		assertThat(pooled.value().heldOut()).isEqualTo(alone.value().heldOut());
		assertThat(pooled.value().rule()).isEqualTo(alone.value().rule());
		assertThat(pooled.valueTables()).isEqualTo(alone.valueTables());
		assertThat(Files.readString(out.resolve("pooled").resolve("E0-2021-2021-value-rule.properties")))
			.isEqualTo(Files.readString(out.resolve("alone").resolve("E0-2021-2021-value-rule.properties")));
		assertThat(Backtest.report(pooled)).contains("linear pool with its own pre-closing price weighted 0.5",
				"The pooled model against the model alone");
	}

	private static List<String> concat(List<String> first, String... more) {
		return java.util.stream.Stream.concat(first.stream(), java.util.Arrays.stream(more)).toList();
	}
}
