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
	void clearEdgeIsReportedWithItsStakeAndConfidence() {
		List<ValueBet> bets = ValueFinder.find("1X2", SELECTIONS, ODDS, new double[] { 0.55, 0.25, 0.20 }, 25);

		// home: 0.55 · 2.0 - 1 = 0.10; draw: 0.25 · 3.5 - 1 = -0.125; away: 0.20 · 4.0 - 1 = -0.20
		assertThat(bets).hasSize(1);
		ValueBet home = bets.get(0);
		assertThat(home.market()).isEqualTo("1X2");
		assertThat(home.selection()).isEqualTo("home");
		assertThat(home.odds()).isEqualTo(2.0);
		assertThat(home.fairProbability()).isCloseTo(0.488139, within(1e-6));
		assertThat(home.modelProbability()).isEqualTo(0.55);
		assertThat(home.edge()).isCloseTo(0.10, within(1e-12));
		// quarter Kelly 0.25 · 0.10 / 1.0 = 0.025, capped at 0.02
		assertThat(home.stake()).isCloseTo(0.02, within(1e-12));
		// 25 matches of data, and |0.55 - 0.488| = 0.062 is no big disagreement
		assertThat(home.confidence()).isEqualTo(Confidence.HIGH);
	}

	@Test
	void bestEdgeComesFirst() {
		List<ValueBet> bets = ValueFinder.find("1X2", SELECTIONS, ODDS, new double[] { 0.52, 0.30, 0.18 }, 10);

		// draw: 0.30 · 3.5 - 1 = 0.05, stake 0.25 · 0.05 / 2.5 = 0.005
		// home: 0.52 · 2.0 - 1 = 0.04, stake 0.25 · 0.04 / 1.0 = 0.01
		assertThat(bets).extracting(ValueBet::selection).containsExactly("draw", "home");
		assertThat(bets.get(0).edge()).isCloseTo(0.05, within(1e-12));
		assertThat(bets.get(0).stake()).isCloseTo(0.005, within(1e-12));
		assertThat(bets.get(1).edge()).isCloseTo(0.04, within(1e-12));
		assertThat(bets.get(1).stake()).isCloseTo(0.01, within(1e-12));
		assertThat(bets).extracting(ValueBet::confidence).containsOnly(Confidence.MEDIUM);
	}

	@Test
	void edgeAtOrBelowTheMinimumIsNoBet() {
		// home 0.5 · 2.0 - 1 = 0 exactly, not above a minimum of 0
		assertThat(ValueFinder.find("1X2", SELECTIONS, ODDS, new double[] { 0.5, 0.25, 0.25 }, 25, 0)).isEmpty();
		// home 0.04 is above the default 0.03 but not above 0.05
		double[] model = { 0.52, 0.25, 0.23 };
		assertThat(ValueFinder.find("1X2", SELECTIONS, ODDS, model, 25)).hasSize(1);
		assertThat(ValueFinder.find("1X2", SELECTIONS, ODDS, model, 25, 0.05)).isEmpty();
	}

	@Test
	void bigDisagreementWithTheMarketLowersConfidence() {
		// |0.70 - 0.488139| = 0.21 > 0.15: more likely a model error than value
		double[] model = { 0.70, 0.18, 0.12 };

		assertThat(ValueFinder.find("1X2", SELECTIONS, ODDS, model, 25).get(0).confidence()).isEqualTo(Confidence.MEDIUM);
		assertThat(ValueFinder.find("1X2", SELECTIONS, ODDS, model, 10).get(0).confidence()).isEqualTo(Confidence.LOW);
		assertThat(ValueFinder.find("1X2", SELECTIONS, ODDS, model, 3).get(0).confidence()).isEqualTo(Confidence.LOW);
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
			.isThrownBy(() -> ValueFinder.find("1X2", SELECTIONS, new double[] { 2.0, 3.5 }, new double[] { 0.5, 0.3 }, 25))
			.withMessageContaining("length");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ValueFinder.find("btts", List.of("yes", "no"), new double[] { 1.0, 1.9 },
					new double[] { 0.5, 0.5 }, 25))
			.withMessageContaining("1.0");
	}
}
