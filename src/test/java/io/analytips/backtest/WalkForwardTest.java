package io.analytips.backtest;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import io.analytips.football.analysis.FitOptions;
import io.analytips.football.sim.data.BookmakerOdds;
import io.analytips.football.sim.data.HistoricalData;
import io.analytips.football.sim.data.HistoricalMatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The league-frequencies baseline of the walk, where the data begins. */
class WalkForwardTest {

	private static HistoricalMatch match(int day, String home, String away, int homeGoals, int awayGoals) {
		return new HistoricalMatch(HistoricalData.PREMIER_LEAGUE, 2020, LocalDateTime.of(2020, 8, 1, 15, 0).plusDays(day),
				home, away, homeGoals, awayGoals, null, null, null, null,
				List.of(new BookmakerOdds(BookmakerOdds.PINNACLE, "Pinnacle", 2.0, 3.5, 4.0, null, null)), null, "1");
	}

	@Test
	void theLeagueFrequenciesCountOnePseudoMatchPerOutcomeSoNoOutcomeIsEverImpossible() {
		// three home wins with one goal on the first day, then a match on the second
		List<HistoricalMatch> matches = List.of(match(0, "A", "B", 1, 0), match(0, "C", "D", 1, 0),
				match(0, "E", "F", 1, 0), match(1, "A", "C", 0, 0));

		List<Prediction> predictions = WalkForward.run(matches, 2020, 2020, FitOptions.SCORES).predictions();

		// nothing seen yet: uniform
		assertThat(predictions.get(0).frequencies()).containsExactly(1.0 / 3, 1.0 / 3, 1.0 / 3);
		assertThat(predictions.get(0).frequencyOver25()).isEqualTo(0.5);
		// 3 home wins seen: (3 + 1) / (3 + 3) home, (0 + 1) / 6 draw and away; over 2.5 (0 + 1) / (3 + 2)
		Prediction second = predictions.get(3);
		assertThat(second.frequencies()[0]).isCloseTo(4.0 / 6, within(1e-12));
		assertThat(second.frequencies()[1]).isCloseTo(1.0 / 6, within(1e-12));
		assertThat(second.frequencies()[2]).isCloseTo(1.0 / 6, within(1e-12));
		assertThat(second.frequencyOver25()).isCloseTo(0.2, within(1e-12));
	}

	@Test
	void theLeagueBothTeamsToScoreFrequencyCountsOnePseudoMatchEachWay() {
		// on the first day both sides score in two of three matches, then a match on the second
		List<HistoricalMatch> matches = List.of(match(0, "A", "B", 2, 1), match(0, "C", "D", 1, 0),
				match(0, "E", "F", 1, 1), match(1, "A", "C", 0, 0));

		List<Prediction> predictions = WalkForward.run(matches, 2020, 2020, FitOptions.SCORES).predictions();

		// nothing seen yet: ½; then (2 + 1) / (3 + 2)
		assertThat(predictions.get(0).frequencyBtts()).isEqualTo(0.5);
		assertThat(predictions.get(3).frequencyBtts()).isCloseTo(0.6, within(1e-12));
		// the outcome each is scored against
		assertThat(predictions).extracting(Prediction::btts).containsExactly(true, false, true, false);
		assertThat(predictions).allSatisfy(p -> assertThat(p.modelBtts()).isStrictlyBetween(0.0, 1.0));
	}

	@Test
	void theLeagueFrequenciesScoreAFiniteLogLossFromTheFirstSeasonOfTheData() {
		// 2017/18 opens the bundled Premier League data: after its first days no draw had been seen yet
		List<Prediction> predictions = WalkForward.run(HistoricalData.loadClosingPrices()
			.matches(HistoricalData.PREMIER_LEAGUE), 2017, 2017, FitOptions.MARKET).predictions();

		assertThat(predictions).allSatisfy(p -> assertThat(Arrays.stream(p.frequencies()).min().orElseThrow()).isPositive());
		MetricTable.Row frequencies = MetricTable.of(predictions).row(Forecaster.LEAGUE_FREQUENCIES);
		assertThat(frequencies.logLoss()).isFinite().isBetween(0.9, 1.2);
	}
}
