package io.analytips.backtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.analytips.football.analysis.ShotCounts;
import io.analytips.football.sim.data.HistoricalData;
import io.analytips.football.sim.data.HistoricalMatch;
import io.analytips.football.sim.data.MatchStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** The backtest's {@code --shots-weight} and {@code --shots-kind}: shots as evidence of strength. */
class ShotEvidenceTest {

	private static final List<String> SEASON = List.of("--league", "E0", "--from", "2021", "--to", "2021");

	@TempDir
	Path out;

	@Test
	void readsTheCountTheKindNamesAndNothingWhereASideHasNone() {
		HistoricalMatch match = match(new MatchStats(14, 5, 10, 7, 1, 0, null, null),
				new MatchStats(9, 2, 12, 3, 2, 0, null, null));

		assertThat(ShotEvidence.ON_TARGET.of(match)).isEqualTo(new ShotCounts(5, 2));
		assertThat(ShotEvidence.SHOTS.of(match)).isEqualTo(new ShotCounts(14, 9));
		assertThat(ShotEvidence.CORNERS.of(match)).isEqualTo(new ShotCounts(7, 3));
		assertThat(ShotEvidence.LEAGUE_MEAN.of(match)).isEqualTo(new ShotCounts(1, 1));
		assertThat(ShotEvidence.ON_TARGET.of(match(null, new MatchStats(9, 2, 12, 3, 2, 0, null, null)))).isNull();
		assertThat(ShotEvidence.ON_TARGET.of(match(new MatchStats(14, null, 10, 7, 1, 0, null, null),
				new MatchStats(9, 2, 12, 3, 2, 0, null, null)))).isNull();
	}

	@Test
	void parsesTheShotsWeightAndKindAndDefaultsToNoShotsOnTarget() {
		BacktestOptions defaults = BacktestOptions.parse(SEASON);
		BacktestOptions half = BacktestOptions.parse(with("--shots-weight", "0.5", "--shots-kind=corners"));

		assertThat(defaults.fit().shotsWeight()).isZero();
		assertThat(defaults.shots()).isEqualTo(ShotEvidence.ON_TARGET);
		assertThat(half.fit()).isEqualTo(defaults.fit().withShotsWeight(0.5));
		assertThat(half.shots()).isEqualTo(ShotEvidence.CORNERS);
		assertThat(half.seasons(2020, 2021).shots()).isEqualTo(ShotEvidence.CORNERS);
	}

	@Test
	void rejectsAShotsWeightOutsideZeroToOneAndAnUnknownKind() {
		assertThatIllegalArgumentException().isThrownBy(() -> BacktestOptions.parse(with("--shots-weight", "1.5")))
			.withMessage("--shots-weight must be between 0 and 1: 1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> BacktestOptions.parse(with("--shots-weight", "-0.1")))
			.withMessageContaining("--shots-weight must be between 0 and 1");
		assertThatIllegalArgumentException().isThrownBy(() -> BacktestOptions.parse(with("--shots-weight", "lots")))
			.withMessage("--shots-weight must be a number: lots");
		assertThatIllegalArgumentException().isThrownBy(() -> BacktestOptions.parse(with("--shots-kind", "goals")))
			.withMessage("--shots-kind must be on-target, shots, corners or league-mean: goals");
	}

	@Test
	void aBadShotsWeightExitsWithTwoAndHelpListsTheOptions() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		ByteArrayOutputStream help = new ByteArrayOutputStream();

		int code = BacktestMain.run(with("--shots-weight", "2"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
		BacktestMain.run(List.of("--help"), new PrintStream(help, true, StandardCharsets.UTF_8), System.err);

		assertThat(code).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--shots-weight must be between 0 and 1: 2.0",
				"usage: backtest");
		assertThat(help.toString(StandardCharsets.UTF_8)).contains("--shots-weight 0..1", "(default: 0.0)",
				"--shots-kind KIND");
	}

	@Test
	void withAShotsWeightTheReportPairsTheModelWithItselfWithoutShots() throws IOException {
		HistoricalData data = HistoricalData.loadClosingPrices();
		Backtest.Result plain = Backtest.run(data, BacktestOptions.parse(with("--out", out.toString())));
		Backtest.Result shots = Backtest.run(data,
				BacktestOptions.parse(with("--out", out.toString(), "--shots-weight", "0.5")));

		assertThat(plain.shotsPair()).isNull();
		assertThat(Backtest.report(plain)).doesNotContain("without shots");
		ModelPair pair = shots.shotsPair();
		assertThat(pair.rows()).extracting(ModelPair.Row::matches)
			.containsExactly(380, 380, shots.table().overUnderMatches(), shots.table().overUnderMatches(), 380, 380);
		// the pair's mean is the difference of the two tables' model rows
		double rps = shots.table().row(Forecaster.MODEL).rps() - plain.table().row(Forecaster.MODEL).rps();
		assertThat(pair.row(Score.ONE_X_TWO_RPS).mean()).isCloseTo(rps, within(1e-12));
		assertThat(pair.row(Score.ONE_X_TWO_RPS).mean()).isNotZero();
		assertThat(Backtest.report(shots)).contains("weighted 0.5", "without shots on target",
				"| model, shots on target weighted 0.5 − model, no shots on target, 1X2 RPS | 380 |");
	}

	@Test
	void shotsOnTargetImproveTheScoresOnlyOverUnderAndBttsOnTheTuningSeasonAsDocumented() throws IOException {
		// docs/model.md, "Shots as evidence": EPL 2018/19, scores only, s = 0.25
		BacktestOptions options = BacktestOptions.parse(List.of("--league", "E0", "--from", "2018", "--to", "2018",
				"--market-weight", "0", "--xi", "0.003", "--prior", "5", "--shots-weight", "0.25", "--out", out.toString()));

		ModelPair pair = Backtest.run(HistoricalData.loadClosingPrices(), options).shotsPair();

		assertThat(pair.row(Score.OVER_UNDER_BRIER).mean()).isCloseTo(-0.0026, within(0.00005));
		assertThat(pair.row(Score.OVER_UNDER_BRIER).high()).isNegative();
		assertThat(pair.row(Score.BTTS_BRIER).mean()).isCloseTo(-0.0024, within(0.00005));
		assertThat(pair.row(Score.BTTS_BRIER).high()).isNegative();
		assertThat(pair.row(Score.ONE_X_TWO_RPS).mean()).isCloseTo(0.0001, within(0.00005));
	}

	private static List<String> with(String... more) {
		return Stream.concat(SEASON.stream(), Arrays.stream(more)).toList();
	}

	private static HistoricalMatch match(MatchStats home, MatchStats away) {
		return new HistoricalMatch(HistoricalData.PREMIER_LEAGUE, 2021, LocalDateTime.of(2021, 8, 14, 14, 0), "Arsenal",
				"Chelsea", 1, 0, null, null, home, away, List.of(), null, "Regular Season - 1");
	}
}
