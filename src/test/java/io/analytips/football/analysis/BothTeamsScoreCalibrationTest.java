package io.analytips.football.analysis;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class BothTeamsScoreCalibrationTest {

	private static final LocalDate DAY = LocalDate.of(2024, 6, 1);

	private static MatchResult played(int home, int away, int daysBefore) {
		return new MatchResult(1, 2, home, away, DAY.minusDays(daysBefore));
	}

	@Test
	void pullsTheModelsProbabilityTowardsTheLeagueFrequencyByItsWeight() {
		// 0.7 · 0.40 + 0.3 · 0.50 = 0.28 + 0.15 = 0.43
		assertThat(new BothTeamsScoreCalibration(0.3).apply(0.40, 0.50)).isCloseTo(0.43, within(1e-12));
		assertThat(new BothTeamsScoreCalibration(0).apply(0.40, 0.50)).isEqualTo(0.40);
		assertThat(new BothTeamsScoreCalibration(1).apply(0.40, 0.50)).isEqualTo(0.50);
	}

	@Test
	void changesOnlyTheBothTeamsToScoreMarket() {
		Markets markets = Markets.from(ScoreMatrix.dixonColes(new ExpectedGoals(1.4, 0.9), -0.05));

		Markets calibrated = new BothTeamsScoreCalibration(0.5).apply(markets, 0.60);

		assertThat(calibrated.bothTeamsScore()).isCloseTo(0.5 * markets.bothTeamsScore() + 0.30, within(1e-12));
		assertThat(calibrated.result()).isEqualTo(markets.result());
		assertThat(calibrated.goals()).isEqualTo(markets.goals());
		assertThat(calibrated.likeliestScores()).isEqualTo(markets.likeliestScores());
	}

	@Test
	void theLeagueFrequencyCountsTheYearBeforeWithOnePseudoMatchEachWay() {
		List<MatchResult> results = List.of(played(1, 1, 1), played(2, 0, 30), played(3, 2, 365),
				// neither the fit day's own matches nor those over a year old
				played(1, 1, 0), played(0, 1, 366));

		// two of three scored both ways: (2 + 1) / (3 + 2)
		assertThat(BothTeamsScoreCalibration.leagueFrequency(results, DAY)).isCloseTo(0.6, within(1e-12));
	}

	@Test
	void aLeagueWithNoResultsYetHasAFrequencyOfOneHalf() {
		assertThat(BothTeamsScoreCalibration.leagueFrequency(List.of(), DAY)).isEqualTo(0.5);
	}

	@Test
	void rejectsAWeightOutsideZeroToOneAndFrequenciesThatAreNotProbabilities() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BothTeamsScoreCalibration(1.2))
			.withMessageContaining("frequencyWeight");
		assertThatIllegalArgumentException().isThrownBy(() -> new BothTeamsScoreCalibration(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> new BothTeamsScoreCalibration(0.5).apply(0.4, 1.5))
			.withMessageContaining("leagueFrequency");
	}
}
