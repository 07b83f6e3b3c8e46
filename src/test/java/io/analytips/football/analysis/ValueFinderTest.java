package io.analytips.football.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ValueFinderTest {

	private static final List<String> SELECTIONS = List.of("home", "draw", "away");

	/** Power-method fair probabilities 0.488139, 0.273582, 0.238279 (see MarginTest). */
	private static final double[] ODDS = { 2.0, 3.5, 4.0 };

	@Test
	void comparesEverySelectionInOrderWithItsEdgeStakeAndConfidence() {
		List<ValueBet> bets = ValueFinder.compare("1X2", SELECTIONS, ODDS, new double[] { 0.55, 0.25, 0.20 }, 25);

		assertThat(bets).extracting(ValueBet::selection).containsExactly("home", "draw", "away");
		ValueBet home = bets.get(0);
		assertThat(home.market()).isEqualTo("1X2");
		assertThat(home.odds()).isEqualTo(2.0);
		assertThat(home.fairProbability()).isCloseTo(0.488139, within(1e-6));
		assertThat(home.modelProbability()).isEqualTo(0.55);
		// 0.55 · 2.0 - 1 = 0.10; quarter Kelly 0.25 · 0.10 / 1.0 = 0.025, capped at 0.02
		assertThat(home.edge()).isCloseTo(0.10, within(1e-12));
		assertThat(home.stake()).isCloseTo(0.02, within(1e-12));
		// 25 matches of data, and |0.55 - 0.488| = 0.062 is no big disagreement
		assertThat(home.confidence()).isEqualTo(Confidence.HIGH);
		// a short price: negative edge and no stake
		assertThat(bets.get(1).edge()).isCloseTo(-0.125, within(1e-12));
		assertThat(bets.get(1).stake()).isZero();
		assertThat(bets.get(2).edge()).isCloseTo(-0.20, within(1e-12));
	}

	@Test
	void stakesAreQuarterKellyBelowTheCap() {
		List<ValueBet> bets = ValueFinder.compare("1X2", SELECTIONS, ODDS, new double[] { 0.52, 0.30, 0.18 }, 10);

		// home: 0.52 · 2.0 - 1 = 0.04, stake 0.25 · 0.04 / 1.0 = 0.01; draw: 0.05, stake 0.25 · 0.05 / 2.5 = 0.005
		assertThat(bets.get(0).stake()).isCloseTo(0.01, within(1e-12));
		assertThat(bets.get(1).edge()).isCloseTo(0.05, within(1e-12));
		assertThat(bets.get(1).stake()).isCloseTo(0.005, within(1e-12));
		assertThat(bets).extracting(ValueBet::confidence).containsOnly(Confidence.MEDIUM);
	}

	@Test
	void bigDisagreementWithTheMarketLowersConfidence() {
		// |0.70 - 0.488139| = 0.21 > 0.15: more likely a model error than value
		double[] model = { 0.70, 0.18, 0.12 };

		assertThat(ValueFinder.compare("1X2", SELECTIONS, ODDS, model, 25).get(0).confidence()).isEqualTo(Confidence.MEDIUM);
		assertThat(ValueFinder.compare("1X2", SELECTIONS, ODDS, model, 10).get(0).confidence()).isEqualTo(Confidence.LOW);
		assertThat(ValueFinder.compare("1X2", SELECTIONS, ODDS, model, 3).get(0).confidence()).isEqualTo(Confidence.LOW);
	}

	@Test
	void confidenceGrowsWithData() {
		assertThat(Confidence.of(0)).isEqualTo(Confidence.LOW);
		assertThat(Confidence.of(7)).isEqualTo(Confidence.LOW);
		assertThat(Confidence.of(8)).isEqualTo(Confidence.MEDIUM);
		assertThat(Confidence.of(19)).isEqualTo(Confidence.MEDIUM);
		assertThat(Confidence.of(20)).isEqualTo(Confidence.HIGH);
	}

	@Test
	void rejectsMismatchedLengthsAndBadOdds() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ValueFinder.compare("1X2", SELECTIONS, new double[] { 2.0, 3.5 }, new double[] { 0.5, 0.3 }, 25))
			.withMessageContaining("length");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ValueFinder.compare("btts", List.of("yes", "no"), new double[] { 1.0, 1.9 },
					new double[] { 0.5, 0.5 }, 25))
			.withMessageContaining("1.0");
	}
}
