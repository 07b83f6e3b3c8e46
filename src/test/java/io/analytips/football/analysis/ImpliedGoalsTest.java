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

	@ParameterizedTest
	@CsvSource({ "1.45, 1.15", "2.8, 0.6", "0.7, 2.4", "1.0, 1.0", "0.4, 0.3", "3.5, 2.5", "1.2, 1.1" })
	void goalsFromThe1x2AndTheOverReproduceBoth(double home, double away) {
		Markets markets = Markets.from(ScoreMatrix.dixonColes(new ExpectedGoals(home, away), ImpliedGoals.RHO));
		OneXTwo fair = markets.result();
		double over = markets.goals(2.5).over();

		ExpectedGoals implied = ImpliedGoals.from(fair, over);

		Markets back = Markets.from(ScoreMatrix.dixonColes(implied, ImpliedGoals.RHO));
		assertThat(back.result().home()).isCloseTo(fair.home(), within(1e-6));
		assertThat(back.result().draw()).isCloseTo(fair.draw(), within(1e-6));
		assertThat(back.result().away()).isCloseTo(fair.away(), within(1e-6));
		assertThat(back.goals(2.5).over()).isCloseTo(over, within(1e-6));
		assertThat(implied.home()).isCloseTo(home, within(1e-4));
		assertThat(implied.away()).isCloseTo(away, within(1e-4));
	}

	@Test
	void aHigherOverPriceWithTheSame1x2MeansMoreGoalsOnBothSides() {
		// Pinnacle's 2.10 / 3.50 / 3.60 with over 2.5 at 40% and at 65%: the 1X2 alone cannot tell these apart
		double[] fair = Margin.multiplicative(2.10, 3.50, 3.60);
		OneXTwo result = new OneXTwo(fair[0], fair[1], fair[2]);

		ExpectedGoals low = ImpliedGoals.from(result, 0.40);
		ExpectedGoals high = ImpliedGoals.from(result, 0.65);

		assertThat(high.home() + high.away()).isGreaterThan(low.home() + low.away() + 0.5);
		assertThat(high.home()).isGreaterThan(high.away());
		assertThat(low.home()).isGreaterThan(low.away());
	}

	@Test
	void inconsistentPricesGiveTheLeastSquaresCompromiseBetweenThe1x2AndTheOver() {
		double[] fair = Margin.multiplicative(2.10, 3.50, 3.60);
		OneXTwo result = new OneXTwo(fair[0], fair[1], fair[2]);
		ExpectedGoals oneXTwoOnly = ImpliedGoals.from(result);
		double overOfOneXTwo = Markets.from(ScoreMatrix.dixonColes(oneXTwoOnly, ImpliedGoals.RHO)).goals(2.5).over();

		ExpectedGoals both = ImpliedGoals.from(result, 0.70);
		double overOfBoth = Markets.from(ScoreMatrix.dixonColes(both, ImpliedGoals.RHO)).goals(2.5).over();

		// the over moves towards 0.70 without reaching it (the draw price holds it back), and a weight of 0
		// is the 1X2 alone
		assertThat(overOfBoth).isGreaterThan(overOfOneXTwo).isLessThanOrEqualTo(0.70 + 1e-9);
		assertThat(ImpliedGoals.from(result, 0.70, 0)).isEqualTo(oneXTwoOnly);
	}

	@Test
	void rejectsDegenerateTotalsAndWeights() {
		OneXTwo result = new OneXTwo(0.45, 0.27, 0.28);

		assertThatIllegalArgumentException().isThrownBy(() -> ImpliedGoals.from(result, 0))
			.withMessageContaining("over 2.5");
		assertThatIllegalArgumentException().isThrownBy(() -> ImpliedGoals.from(result, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> ImpliedGoals.from(result, Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> ImpliedGoals.from(new OneXTwo(1, 0, 0), 0.5))
			.withMessageContaining("(0, 1)");
		assertThatIllegalArgumentException().isThrownBy(() -> ImpliedGoals.from(result, 0.5, -1))
			.withMessageContaining("overWeight");
		assertThatIllegalArgumentException().isThrownBy(() -> ImpliedGoals.from(result, 0.5, Double.POSITIVE_INFINITY));
		assertThatNullPointerException().isThrownBy(() -> ImpliedGoals.from(null, 0.5));
	}

	@Test
	void fairPricesUseTheTotalsWhereTheyHaveThemAndThe1x2AloneOtherwise() {
		OneXTwo result = new OneXTwo(0.45, 0.27, 0.28);

		assertThat(new FairPrices(result).impliedGoals()).isEqualTo(ImpliedGoals.from(result));
		assertThat(new FairPrices(result, 0.6).impliedGoals()).isEqualTo(ImpliedGoals.from(result, 0.6));
		assertThat(new FairPrices(result, 0.6).impliedGoals(0)).isEqualTo(ImpliedGoals.from(result));
		assertThatIllegalArgumentException().isThrownBy(() -> new FairPrices(result, 1.0)).withMessageContaining("over 2.5");
		assertThatNullPointerException().isThrownBy(() -> new FairPrices(null, 0.5));
	}
}
