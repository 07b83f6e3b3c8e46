package io.analytips.football.analysis;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every market read off one matrix agrees with the matrix and with the other markets. */
class MarketConsistencyTest {

	private static final double EXACT = 1e-9;

	@Test
	void everyMarketAgreesWithTheScoreMatrixOverManyMatches() {
		Random random = new Random(17);
		for (int trial = 0; trial < 500; trial++) {
			ExpectedGoals xg = new ExpectedGoals(0.2 + 3.3 * random.nextDouble(), 0.2 + 3.3 * random.nextDouble());
			double rho = -0.2 + 0.25 * random.nextDouble();
			// a third of the matrices with a blank factor on each side, as a league's settings may give
			BlankFactor blanks = trial % 3 == 0 ? BlankFactor.NONE
					: new BlankFactor(0.7 + 0.3 * random.nextDouble(), 0.7 + 0.3 * random.nextDouble());
			ScoreMatrix matrix = ScoreMatrix.dixonColes(xg, rho, blanks);
			Markets markets = Markets.from(matrix);

			double total = 0;
			double homeZero = 0;
			double awayZero = 0;
			for (int i = 0; i <= matrix.maxGoals(); i++) {
				for (int j = 0; j <= matrix.maxGoals(); j++) {
					assertThat(matrix.probability(i, j)).isBetween(0.0, 1.0);
					total += matrix.probability(i, j);
					homeZero += i == 0 ? matrix.probability(i, j) : 0;
					awayZero += j == 0 ? matrix.probability(i, j) : 0;
				}
			}
			OneXTwo result = markets.result();
			assertThat(total).as("matrix sum for %s, rho %s, %s", xg, rho, blanks).isCloseTo(1, within(EXACT));
			assertThat(result.home() + result.draw() + result.away()).isCloseTo(1, within(EXACT));
			double previousOver = 1;
			for (OverUnder line : markets.goals()) {
				assertThat(line.over() + line.under()).isCloseTo(1, within(EXACT));
				assertThat(line.over()).isLessThanOrEqualTo(previousOver);
				previousOver = line.over();
			}
			assertThat(markets.goals(0.5).under()).isCloseTo(matrix.probability(0, 0), within(EXACT));
			assertThat(markets.bothTeamsScore())
				.isCloseTo(1 - homeZero - awayZero + matrix.probability(0, 0), within(EXACT));
			// both teams scoring means at least two goals
			assertThat(markets.bothTeamsScore()).isLessThanOrEqualTo(markets.goals(1.5).over() + EXACT);
			assertThat(markets.likeliestScores().get(0).probability())
				.isGreaterThanOrEqualTo(markets.likeliestScores().get(1).probability());
		}
	}

	@Test
	void fairPricesSumToOneWhateverTheMargin() {
		Random random = new Random(3);
		for (int trial = 0; trial < 200; trial++) {
			double[] odds = { 1.05 + 8 * random.nextDouble(), 1.05 + 8 * random.nextDouble(), 1.05 + 8 * random.nextDouble() };
			assertThat(sum(Margin.multiplicative(odds))).isCloseTo(1, within(EXACT));
			assertThat(sum(Margin.power(odds))).isCloseTo(1, within(EXACT));
		}
	}

	private static double sum(double[] p) {
		double s = 0;
		for (double x : p) {
			s += x;
		}
		return s;
	}
}
