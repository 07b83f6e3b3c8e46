package io.analytips.football.analysis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

class ImpliedGoalsTest {

	@ParameterizedTest
	@CsvSource({ "1.45, 1.15", "2.8, 0.6", "0.7, 2.4", "1.0, 1.0", "0.4, 0.3", "3.5, 2.5" })
	void recoversTheGoalsBehindAMatrixsResultProbabilities(double home, double away) {
		OneXTwo fair = Markets.from(ScoreMatrix.dixonColes(new ExpectedGoals(home, away), ImpliedGoals.RHO)).result();

		ExpectedGoals implied = ImpliedGoals.from(fair);

		assertThat(implied.home()).isCloseTo(home, within(1e-4));
		assertThat(implied.away()).isCloseTo(away, within(1e-4));
	}

	@Test
	void aTypicalPremierLeaguePriceGivesTypicalGoals() {
		// Pinnacle's 2.10 / 3.50 / 3.60, margin removed
		double[] fair = Margin.multiplicative(2.10, 3.50, 3.60);

		ExpectedGoals implied = ImpliedGoals.from(new OneXTwo(fair[0], fair[1], fair[2]));

		assertThat(implied.home()).isBetween(1.4, 1.9);
		assertThat(implied.away()).isBetween(0.9, 1.3);
		assertThat(implied.home()).isGreaterThan(implied.away());
	}

	@Test
	void aDrawNoPoissonPairAllowsStillGivesFiniteGoalsInRange() {
		// a 60% draw with even sides: the nearest any pair of means comes is a very low-scoring match
		ExpectedGoals implied = ImpliedGoals.from(new OneXTwo(0.2, 0.6, 0.2));

		assertThat(implied.home()).isBetween(0.05, 6.0);
		assertThat(implied.away()).isBetween(0.05, 6.0);
		assertThat(implied.home()).isCloseTo(implied.away(), within(1e-6));
	}

	@Test
	void rejectsCertaintiesAndNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> ImpliedGoals.from(new OneXTwo(1, 0, 0)))
			.withMessageContaining("(0, 1)");
		assertThatIllegalArgumentException().isThrownBy(() -> ImpliedGoals.from(new OneXTwo(0.5, 0.5, 0)));
		assertThatNullPointerException().isThrownBy(() -> ImpliedGoals.from(null));
	}
}
