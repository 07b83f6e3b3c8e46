package io.analytips.backtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.analytips.football.analysis.BlankFactor;
import io.analytips.football.sim.data.HistoricalData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** The backtest's {@code --zero-factor} options: the score matrix with each side's blank scaled, paired with Poisson's. */
class BacktestBlankFactorTest {

	private static final List<String> SEASON = List.of("--league", "E0", "--from", "2021", "--to", "2021");

	@TempDir
	Path out;

	@Test
	void parsesOneFactorForBothSidesOrOnePerSideAndDefaultsToPoisson() {
		assertThat(BacktestOptions.parse(SEASON).blanks()).isEqualTo(BlankFactor.NONE);
		assertThat(BacktestOptions.parse(with("--zero-factor", "0.9")).blanks()).isEqualTo(new BlankFactor(0.9, 0.9));
		assertThat(BacktestOptions.parse(with("--zero-factor-home=0.85")).blanks()).isEqualTo(new BlankFactor(0.85, 1));
		assertThat(BacktestOptions.parse(with("--zero-factor", "0.9", "--zero-factor-away", "0.95")).blanks())
			.isEqualTo(new BlankFactor(0.9, 0.95));
		assertThat(BacktestOptions.parse(with("--zero-factor", "0.9")).seasons(2020, 2021).blanks())
			.isEqualTo(new BlankFactor(0.9, 0.9));
	}

	@Test
	void rejectsAFactorOutsideZeroToOneAndExitsWithTwo() {
		assertThatIllegalArgumentException().isThrownBy(() -> BacktestOptions.parse(with("--zero-factor", "0")))
			.withMessage("--zero-factor must be above 0 and at most 1: 0.0");
		assertThatIllegalArgumentException().isThrownBy(() -> BacktestOptions.parse(with("--zero-factor-home", "1.2")))
			.withMessage("--zero-factor-home must be above 0 and at most 1: 1.2");
		assertThatIllegalArgumentException().isThrownBy(() -> BacktestOptions.parse(with("--zero-factor-away", "few")))
			.withMessage("--zero-factor-away must be a number: few");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		ByteArrayOutputStream help = new ByteArrayOutputStream();

		int code = BacktestMain.run(with("--zero-factor", "-1"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
		BacktestMain.run(List.of("--help"), new PrintStream(help, true, StandardCharsets.UTF_8), System.err);

		assertThat(code).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--zero-factor must be above 0 and at most 1: -1.0");
		assertThat(help.toString(StandardCharsets.UTF_8)).contains("--zero-factor 0..1", "--zero-factor-home 0..1",
				"--zero-factor-away 0..1");
	}

	@Test
	void aBlankFactorIsPairedWithThePoissonMatrixOnTheSameMatchesAndTheSameFits() throws IOException {
		HistoricalData data = HistoricalData.loadClosingPrices();
		// one pool for both runs: each run's own walk-forward choice of it could differ with the matrix
		Backtest.Result poisson = Backtest.run(data, BacktestOptions.parse(with("--out", out.resolve("p").toString(),
				"--own-price-weight", "0.5")));
		Backtest.Result deflated = Backtest.run(data, BacktestOptions.parse(with("--out", out.resolve("d").toString(),
				"--zero-factor", "0.9", "--own-price-weight", "0.5")));

		assertThat(poisson.blankPair()).isNull();
		ModelPair pair = deflated.blankPair();
		assertThat(pair.row(Score.BTTS_BRIER).matches()).isEqualTo(380);
		assertThat(pair.row(Score.ONE_X_TWO_RPS).mean()).isCloseTo(deflated.table().row(Forecaster.MODEL).rps()
				- poisson.table().row(Forecaster.MODEL).rps(), within(1e-12));
		assertThat(pair.row(Score.BTTS_BRIER).mean()).isCloseTo(deflated.table().row(Forecaster.MODEL).bttsBrier()
				- poisson.table().row(Forecaster.MODEL).bttsBrier(), within(1e-12));
		assertThat(deflated.table().row(Forecaster.MODEL).bttsBrier())
			.isNotEqualTo(poisson.table().row(Forecaster.MODEL).bttsBrier());
		// the fit is untouched: same fits, same closing line, same league frequencies
		assertThat(deflated.fits()).isEqualTo(poisson.fits());
		assertThat(deflated.table().row(Forecaster.CLOSING_LINE)).isEqualTo(poisson.table().row(Forecaster.CLOSING_LINE));
		assertThat(deflated.table().row(Forecaster.LEAGUE_FREQUENCIES))
			.isEqualTo(poisson.table().row(Forecaster.LEAGUE_FREQUENCIES));
		assertThat(Backtest.report(deflated)).contains("blank factor (home 0.9, away 0.9)",
				"The model against itself with Poisson blanks");
	}

	private static List<String> with(String... more) {
		return Stream.concat(SEASON.stream(), Stream.of(more)).toList();
	}
}
