package io.analytips.backtest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.analytips.football.analysis.CornerMarkets;
import io.analytips.football.analysis.CornerPriors;
import io.analytips.football.sim.data.HistoricalData;
import io.analytips.football.sim.data.HistoricalMatch;
import io.analytips.football.sim.data.MatchStats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The corners walk: what each forecast is made of, and that nothing of the match or its day reaches it. */
class CornersWalkTest {

	private static HistoricalMatch match(int day, String home, String away, int homeCorners, int awayCorners) {
		return new HistoricalMatch(HistoricalData.PREMIER_LEAGUE, 2020, LocalDateTime.of(2020, 8, 1, 15, 0).plusDays(day),
				home, away, 1, 1, null, null, corners(homeCorners), corners(awayCorners), List.of(), null, "1");
	}

	private static MatchStats corners(int corners) {
		return new MatchStats(null, null, null, corners, null, null, null, null);
	}

	/** Day 0: totals 12, 8 and 10, none forecast (no team has played); day 1: A against C. */
	private static final List<HistoricalMatch> TWO_DAYS = List.of(match(0, "A", "B", 7, 5), match(0, "C", "D", 5, 3),
			match(0, "E", "F", 4, 6), match(1, "A", "C", 2, 2));

	@Test
	void theLeagueFrequencyCountsOnePseudoMatchEachWay() {
		CornersWalk.Run run = CornersWalk.run(TWO_DAYS, 2020, 2020);

		assertThat(run.unforecast()).isEqualTo(3);
		assertThat(run.forecasts()).hasSize(1);
		// totals 12, 8, 10 seen: over 8.5 and 9.5 twice, over 10.5 and 11.5 once; (k + 1) / (3 + 2)
		assertThat(run.forecasts().get(0).frequency()).containsExactly(new double[] { 0.6, 0.6, 0.4, 0.4 },
				within(1e-12));
	}

	@Test
	void aForecastShrinksBothTeamsRecentCornersTowardsTheBotsPriors() {
		CornersWalk.Forecast forecast = CornersWalk.run(TWO_DAYS, 2020, 2020).forecasts().get(0);

		// A won 7, conceded 5; C (away now) won 5, conceded 3; one match each, the bot's fifteen pseudo-matches at
		// 5.9 / 4.6: home (7 + 88.5) / 16 and (3 + 88.5) / 16 → 5.84375; away (5 + 69) / 16 twice → 4.625
		assertThat(forecast.expectedTotal()).isCloseTo(5.84375 + 4.625, within(1e-12));
		assertThat(forecast.total()).isEqualTo(4);
		assertThat(forecast.over(CornerMarkets.LINES.indexOf(9.5))).isFalse();
		// no season before: the fitted ratio is the bot's, and so are its prices
		assertThat(forecast.ratio()).isEqualTo(CornerPriors.DEFAULT.varianceToMean());
		assertThat(forecast.fitted()).containsExactly(forecast.fixed());
		assertThat(forecast.asTheBot()).containsExactly(forecast.fixed());
	}

	@Test
	void otherPriorsShrinkWithTheirOwnPseudoMatchesBesideTheBots() {
		CornersWalk.Forecast forecast = CornersWalk.run(TWO_DAYS, 2020, 2020, CornerPriors.DEFAULT.withPriorMatches(5))
			.forecasts()
			.get(0);
		CornersWalk.Forecast asTheBot = CornersWalk.run(TWO_DAYS, 2020, 2020).forecasts().get(0);

		// home (7 + 29.5) / 6 and (3 + 29.5) / 6 → 5.75; away (5 + 23) / 6 and (5 + 23) / 6 → 4.6667
		assertThat(forecast.expectedTotal()).isCloseTo(5.75 + 28.0 / 6, within(1e-12));
		assertThat(forecast.asTheBot()).containsExactly(asTheBot.fixed());
		assertThat(forecast.asTheBot()).isNotEqualTo(forecast.fixed());
	}

	@Test
	void aMatchsOwnCornersAndLaterOnesNeverReachItsForecast() {
		List<HistoricalMatch> changed = new ArrayList<>(TWO_DAYS);
		changed.set(3, match(1, "A", "C", 15, 9));
		changed.add(match(1, "B", "D", 20, 20));

		CornersWalk.Forecast original = CornersWalk.run(TWO_DAYS, 2020, 2020).forecasts().get(0);
		CornersWalk.Forecast other = CornersWalk.run(changed, 2020, 2020).forecasts().get(0);

		assertThat(other.total()).isEqualTo(24);
		assertThat(other.fixed()).containsExactly(original.fixed());
		assertThat(other.frequency()).containsExactly(original.frequency());
	}

	@Test
	void theRatioFitsTheSpreadOfTheTotalsAroundTheirMeansWithinTheGrid() {
		double[] means = new double[40];
		Arrays.fill(means, 10);
		int[] exact = new int[40];
		Arrays.fill(exact, 10);
		int[] spread = new int[40];
		for (int i = 0; i < spread.length; i++) {
			spread[i] = i % 2 == 0 ? 0 : 20;
		}

		// no spread at all: the likelihood is highest at the Poisson end; variance 100 on mean 10: the grid's top
		assertThat(CornersWalk.fitRatio(means, exact, 40)).isEqualTo(CornersWalk.RATIO_MIN);
		assertThat(CornersWalk.fitRatio(means, spread, 40)).isCloseTo(CornersWalk.RATIO_MAX, within(1e-9));
		// nothing to fit on: the bot's ratio
		assertThat(CornersWalk.fitRatio(means, exact, 0)).isEqualTo(CornerPriors.DEFAULT.varianceToMean());
	}

	@Test
	void cuttingTheBundledDataAfterADateChangesNoEarlierForecast() {
		List<HistoricalMatch> all = HistoricalData.loadClosingPrices().matches(HistoricalData.PREMIER_LEAGUE);
		LocalDate cut = LocalDate.of(2020, 1, 1);
		List<HistoricalMatch> beforeCut = all.stream().filter(m -> m.kickoffUtc().toLocalDate().isBefore(cut)).toList();

		List<CornersWalk.Forecast> full = CornersWalk.run(all, 2019, 2019).forecasts();
		List<CornersWalk.Forecast> truncated = CornersWalk.run(beforeCut, 2019, 2019).forecasts();

		assertThat(truncated).hasSizeGreaterThan(150);
		for (int i = 0; i < truncated.size(); i++) {
			assertThat(full.get(i).date()).isEqualTo(truncated.get(i).date());
			assertThat(full.get(i).fixed()).containsExactly(truncated.get(i).fixed());
			assertThat(full.get(i).fitted()).containsExactly(truncated.get(i).fitted());
			assertThat(full.get(i).frequency()).containsExactly(truncated.get(i).frequency());
		}
	}
}
