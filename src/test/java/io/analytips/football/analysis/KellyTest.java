package io.analytips.football.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KellyTest {

	@Test
	void bigEdgeIsCappedAtTwoPercent() {
		// f* = (0.55 · 2.0 - 1) / (2.0 - 1) = 0.10; a quarter is 0.025, above the 0.02 cap
		assertThat(Kelly.stake(0.55, 2.0)).isCloseTo(0.02, within(1e-12));
	}

	@Test
	void smallEdgeStakesAQuarterOfKelly() {
		// f* = (0.52 · 2.0 - 1) / 1 = 0.04; a quarter is 0.01
		assertThat(Kelly.stake(0.52, 2.0)).isCloseTo(0.01, within(1e-12));
	}

	@Test
	void noEdgeNoStake() {
		assertThat(Kelly.stake(0.5, 2.0)).isZero();
		assertThat(Kelly.stake(0.3, 2.0)).isZero();
	}
}
