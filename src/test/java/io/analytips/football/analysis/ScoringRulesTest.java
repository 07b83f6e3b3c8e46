package io.analytips.football.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scoring rules against examples worked by hand. */
class ScoringRulesTest {

	private static final double[] FORECAST = { 0.5, 0.3, 0.2 };

	@Test
	void rankedProbabilityScoreSumsTheSquaredCumulativeErrors() {
		// home win: cumulative errors (0.5 - 1, 0.8 - 1) → ½ (0.25 + 0.04)
		assertThat(ScoringRules.rps(FORECAST, ScoringRules.HOME)).isCloseTo(0.145, within(1e-12));
		// draw: (0.5 - 0, 0.8 - 1) → ½ (0.25 + 0.04)
		assertThat(ScoringRules.rps(FORECAST, ScoringRules.DRAW)).isCloseTo(0.145, within(1e-12));
		// away win: (0.5, 0.8) → ½ (0.25 + 0.64)
		assertThat(ScoringRules.rps(FORECAST, ScoringRules.AWAY)).isCloseTo(0.445, within(1e-12));
	}

	@Test
	void rankedProbabilityScoreOfTheUniformForecastAndOfACertainOne() {
		double third = 1.0 / 3;
		// home win: ((1/3 - 1)² + (2/3 - 1)²) / 2 = (4/9 + 1/9) / 2
		assertThat(ScoringRules.rps(new double[] { third, third, third }, ScoringRules.HOME)).isCloseTo(5.0 / 18,
				within(1e-12));
		assertThat(ScoringRules.rps(new double[] { 0, 0, 1 }, ScoringRules.AWAY)).isZero();
		assertThat(ScoringRules.rps(new double[] { 1, 0, 0 }, ScoringRules.AWAY)).isEqualTo(1);
	}

	@Test
	void rankedProbabilityScoreCountsADrawForecastNearerAnAwayWinThanAHomeWinForecast() {
		assertThat(ScoringRules.rps(new double[] { 0, 1, 0 }, ScoringRules.AWAY))
			.isLessThan(ScoringRules.rps(new double[] { 1, 0, 0 }, ScoringRules.AWAY));
	}

	@Test
	void logLossIsMinusTheNaturalLogOfTheObservedOutcomesProbability() {
		assertThat(ScoringRules.logLoss(FORECAST, ScoringRules.DRAW)).isCloseTo(1.2039728, within(1e-7));
		assertThat(ScoringRules.logLoss(new double[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 }, ScoringRules.HOME))
			.isCloseTo(Math.log(3), within(1e-12));
	}

	@Test
	void brierScoreSumsTheSquaredErrorsOverTheThreeOutcomes() {
		// home win: 0.25 + 0.09 + 0.04
		assertThat(ScoringRules.brier(FORECAST, ScoringRules.HOME)).isCloseTo(0.38, within(1e-12));
		// away win: 0.25 + 0.09 + 0.64
		assertThat(ScoringRules.brier(FORECAST, ScoringRules.AWAY)).isCloseTo(0.98, within(1e-12));
		assertThat(ScoringRules.brier(new double[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 }, ScoringRules.DRAW)).isCloseTo(2.0 / 3,
				within(1e-12));
	}

	@Test
	void binaryBrierScoreIsTheSquaredError() {
		assertThat(ScoringRules.brier(0.6, true)).isCloseTo(0.16, within(1e-12));
		assertThat(ScoringRules.brier(0.6, false)).isCloseTo(0.36, within(1e-12));
	}

	@Test
	void binaryLogLossIsMinusTheNaturalLogOfTheProbabilityGivenToWhatHappened() {
		assertThat(ScoringRules.logLoss(0.6, true)).isCloseTo(0.5108256, within(1e-7));
		assertThat(ScoringRules.logLoss(0.6, false)).isCloseTo(0.9162907, within(1e-7));
		assertThat(ScoringRules.logLoss(0.5, true)).isCloseTo(Math.log(2), within(1e-12));
		assertThat(ScoringRules.logLoss(1, false)).isInfinite();
	}

	@Test
	void outcomeIsReadFromTheScore() {
		assertThat(ScoringRules.outcome(2, 1)).isEqualTo(ScoringRules.HOME);
		assertThat(ScoringRules.outcome(0, 0)).isEqualTo(ScoringRules.DRAW);
		assertThat(ScoringRules.outcome(1, 3)).isEqualTo(ScoringRules.AWAY);
	}
}
