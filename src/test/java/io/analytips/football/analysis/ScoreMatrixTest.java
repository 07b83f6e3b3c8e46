package io.analytips.football.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ScoreMatrixTest {

	private static final ExpectedGoals XG = new ExpectedGoals(1.5, 1.0);

	@Test
	void withoutCorrectionTheScoresAreIndependentPoisson() {
		ScoreMatrix m = ScoreMatrix.dixonColes(XG, 0, 15);

		// P(0,0) = e^-1.5 · e^-1.0 = e^-2.5 = 0.0820850
		assertThat(m.probability(0, 0)).isCloseTo(0.0820850, within(1e-7));
		// P(1,0) = 1.5 e^-1.5 · e^-1.0 = 1.5 · 0.0820850 = 0.1231275
		assertThat(m.probability(1, 0)).isCloseTo(0.1231275, within(1e-7));
		// P(2,1) = (1.5² / 2) · 1.0 · e^-2.5 = 1.125 · 0.0820850 = 0.0923456
		assertThat(m.probability(2, 1)).isCloseTo(0.0923456, within(1e-7));
	}

	@Test
	void negativeRhoMakesNilNilLikelierAndOneNilLessLikely() {
		ScoreMatrix m = ScoreMatrix.dixonColes(XG, -0.1, 15);

		// τ(0,0) = 1 - λμρ = 1 + 1.5 · 1.0 · 0.1 = 1.15, so P(0,0) = 0.0820850 · 1.15 = 0.0943978
		assertThat(m.probability(0, 0)).isCloseTo(0.0943978, within(1e-7));
		// τ(1,0) = 1 + μρ = 0.9, so P(1,0) = 0.1231275 · 0.9 = 0.1108147
		assertThat(m.probability(1, 0)).isCloseTo(0.1108147, within(1e-7));
		// τ(0,1) = 1 + λρ = 0.85, P(0,1) = 1.0 · e^-2.5 · 0.85 = 0.0697722
		assertThat(m.probability(0, 1)).isCloseTo(0.0697722, within(1e-7));
		// τ(1,1) = 1 - ρ = 1.1, P(1,1) = 1.5 · e^-2.5 · 1.1 = 0.1354402
		assertThat(m.probability(1, 1)).isCloseTo(0.1354402, within(1e-7));
	}

	@Test
	void correctionMovesMassWithoutAddingAny() {
		// Before renormalising, the four corrected cells change by e^-(λ+μ) times
		// -λμρ (0-0) + μ·λρ (0-1) + λ·μρ (1-0) - λμ·ρ (1-1) = 0, so the matrix still sums to 1
		// up to the truncation, which at 15 goals a side is below 1e-12.
		double[] home = ScoreMatrix.poisson(1.5, 15);
		double[] away = ScoreMatrix.poisson(1.0, 15);
		double total = 0;
		for (int i = 0; i <= 15; i++) {
			for (int j = 0; j <= 15; j++) {
				total += home[i] * away[j] * ScoreMatrix.tau(i, j, 1.5, 1.0, -0.1);
			}
		}
		assertThat(total).isCloseTo(1, within(1e-9));
		assertThat(sum(ScoreMatrix.dixonColes(XG, -0.1, 15))).isCloseTo(1, within(1e-12));
	}

	@Test
	void truncatedMatrixIsRenormalised() {
		// With 3 and 2.5 expected goals, P(4 or more) is far from negligible at maxGoals = 3
		ScoreMatrix m = ScoreMatrix.dixonColes(new ExpectedGoals(3, 2.5), -0.05, 3);

		assertThat(m.maxGoals()).isEqualTo(3);
		assertThat(sum(m)).isCloseTo(1, within(1e-12));
	}

	@Test
	void cellsTheCorrectionWouldMakeNegativeAreZero() {
		// τ(0,0) = 1 - 4 · 4 · 0.1 = -0.6
		ScoreMatrix m = ScoreMatrix.dixonColes(new ExpectedGoals(4, 4), 0.1);

		assertThat(m.probability(0, 0)).isZero();
		assertThat(sum(m)).isCloseTo(1, within(1e-12));
	}

	@Test
	void defaultsToTenGoalsAndScoresBeyondAreImpossible() {
		ScoreMatrix m = ScoreMatrix.dixonColes(XG, 0);

		assertThat(m.maxGoals()).isEqualTo(ScoreMatrix.DEFAULT_MAX_GOALS).isEqualTo(10);
		assertThat(m.probability(11, 0)).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> m.probability(-1, 0));
	}

	@Test
	void rejectsAMatrixWithoutRoomForTheCorrection() {
		assertThatIllegalArgumentException().isThrownBy(() -> ScoreMatrix.dixonColes(XG, 0, 0))
			.withMessageContaining("maxGoals");
		assertThatIllegalArgumentException().isThrownBy(() -> ScoreMatrix.dixonColes(XG, Double.NaN))
			.withMessageContaining("rho");
	}

	@Test
	void withoutBlankFactorTheMatrixIsThePlainDixonColesOne() {
		ScoreMatrix plain = ScoreMatrix.dixonColes(XG, -0.08);
		ScoreMatrix none = ScoreMatrix.dixonColes(XG, -0.08, BlankFactor.NONE);

		for (int i = 0; i <= plain.maxGoals(); i++) {
			for (int j = 0; j <= plain.maxGoals(); j++) {
				assertThat(none.probability(i, j)).isEqualTo(plain.probability(i, j));
			}
		}
	}

	@Test
	void aBlankFactorScalesEachSidesBlankAndKeepsItsMean() {
		// ρ = 0: the cells are the two counts' products, so the margins are the counts themselves
		ScoreMatrix m = ScoreMatrix.dixonColes(XG, 0, 25, new BlankFactor(0.9, 0.8));

		double homeBlank = 0;
		double awayBlank = 0;
		double homeGoals = 0;
		double awayGoals = 0;
		for (int i = 0; i <= m.maxGoals(); i++) {
			for (int j = 0; j <= m.maxGoals(); j++) {
				homeBlank += i == 0 ? m.probability(i, j) : 0;
				awayBlank += j == 0 ? m.probability(i, j) : 0;
				homeGoals += i * m.probability(i, j);
				awayGoals += j * m.probability(i, j);
			}
		}
		assertThat(sum(m)).isCloseTo(1, within(1e-12));
		assertThat(homeBlank).isCloseTo(0.9 * Math.exp(-1.5), within(1e-12));
		assertThat(awayBlank).isCloseTo(0.8 * Math.exp(-1.0), within(1e-12));
		assertThat(homeGoals).isCloseTo(1.5, within(1e-12));
		assertThat(awayGoals).isCloseTo(1.0, within(1e-12));
		// fewer blanks on both sides: both teams score more often than in the Poisson matrix
		assertThat(Markets.from(m).bothTeamsScore())
			.isGreaterThan(Markets.from(ScoreMatrix.dixonColes(XG, 0, 25)).bothTeamsScore());
	}

	static double sum(ScoreMatrix m) {
		double total = 0;
		for (int i = 0; i <= m.maxGoals(); i++) {
			for (int j = 0; j <= m.maxGoals(); j++) {
				total += m.probability(i, j);
			}
		}
		return total;
	}
}
