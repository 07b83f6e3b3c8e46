package io.analytips.football.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CornerMarketsTest {

	@Test
	void teamsNeverSeenGetTheLeaguePriors() {
		CornerMarkets corners = CornerMarkets.from(new CornerStats(12, 12, 0, 12, 12, 0), CornerPriors.DEFAULT);

		assertThat(corners.expectedHome()).isCloseTo(5.9, within(1e-12));
		assertThat(corners.expectedAway()).isCloseTo(4.6, within(1e-12));
		assertThat(corners.expectedTotal()).isCloseTo(10.5, within(1e-12));
	}

	@Test
	void averagesAreShrunkTowardsTheLeagueThenBlended() {
		CornerStats stats = new CornerStats(8.0, 4.0, 10, 3.0, 7.0, 5);

		CornerMarkets corners = CornerMarkets.from(stats, CornerPriors.DEFAULT.withPriorMatches(5));

		// five pseudo-matches:
		// home won:       (10 · 8.0 + 5 · 5.9) / 15 = 7.3
		// away conceded:  (5 · 7.0 + 5 · 5.9) / 10 = 6.45   → home (7.3 + 6.45) / 2 = 6.875
		// away won:       (5 · 3.0 + 5 · 4.6) / 10 = 3.8
		// home conceded:  (10 · 4.0 + 5 · 4.6) / 15 = 4.2   → away (3.8 + 4.2) / 2 = 4.0
		assertThat(corners.expectedHome()).isCloseTo(6.875, within(1e-12));
		assertThat(corners.expectedAway()).isCloseTo(4.0, within(1e-12));
		assertThat(corners.expectedTotal()).isCloseTo(10.875, within(1e-12));
	}

	@Test
	void linesArePricedOnTheTotal() {
		CornerMarkets corners = CornerMarkets.from(new CornerStats(5.5, 4.5, 20, 4.5, 5.5, 20),
				new CornerPriors(5.5, 4.5, 1.0));

		// every average equals its prior, so home 5.5 and away 4.5 whatever the shrinkage; total 10, Poisson:
		// P(over 9.5) = 0.542070, P(over 11.5) = 0.303224
		assertThat(corners.lines()).extracting(OverUnder::line).containsExactly(8.5, 9.5, 10.5, 11.5);
		assertThat(corners.lines().get(1).over()).isCloseTo(0.542070, within(1e-6));
		assertThat(corners.lines().get(3).over()).isCloseTo(0.303224, within(1e-6));
		assertThat(corners.lines().get(3).under()).isCloseTo(1 - 0.303224, within(1e-6));
	}

	@Test
	void overDispersedLeaguePricesTheHighLineHigher() {
		CornerStats stats = new CornerStats(5.5, 4.5, 20, 4.5, 5.5, 20);
		double poisson = CornerMarkets.from(stats, new CornerPriors(5.5, 4.5, 1.0)).lines().get(3).over();
		double negativeBinomial = CornerMarkets.from(stats, new CornerPriors(5.5, 4.5, 1.2)).lines().get(3).over();

		// mean 10, variance 12: P(over 11.5) = 0.312816 against Poisson's 0.303224
		assertThat(negativeBinomial).isGreaterThan(poisson).isCloseTo(0.312816, within(1e-6));
	}

	@Test
	void morePseudoMatchesPullTheAveragesCloserToTheLeague() {
		CornerStats stats = new CornerStats(8.0, 4.0, 10, 3.0, 7.0, 5);

		CornerMarkets corners = CornerMarkets.from(stats, CornerPriors.DEFAULT);

		// the bot's fifteen: home won (10 · 8 + 15 · 5.9) / 25 = 6.74, away conceded (5 · 7 + 15 · 5.9) / 20 = 6.175 → 6.4575
		// away won (5 · 3 + 15 · 4.6) / 20 = 4.2, home conceded (10 · 4 + 15 · 4.6) / 25 = 4.36 → 4.28
		assertThat(corners.expectedHome()).isCloseTo(6.4575, within(1e-12));
		assertThat(corners.expectedAway()).isCloseTo(4.28, within(1e-12));
		assertThat(CornerPriors.DEFAULT.priorMatches()).isEqualTo(15);
		assertThat(CornerPriors.DEFAULT.withVarianceToMean(1.5).varianceToMean()).isEqualTo(1.5);
	}

	@Test
	void rejectsPriorsWithoutPseudoMatches() {
		assertThatThrownBy(() -> CornerPriors.DEFAULT.withPriorMatches(0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("priorMatches");
	}
}
