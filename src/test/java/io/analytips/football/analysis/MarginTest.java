package io.analytips.football.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class MarginTest {

	@Test
	void overroundIsTheBooksumAboveOne() {
		// 1/2.0 + 1/3.5 + 1/4.0 = 0.5 + 0.285714 + 0.25 = 1.035714
		assertThat(Margin.overround(2.0, 3.5, 4.0)).isCloseTo(0.035714, within(1e-6));
	}

	@Test
	void multiplicativeDividesByTheBooksum() {
		double[] p = Margin.multiplicative(2.0, 3.5, 4.0);

		// 0.5 / 1.035714 = 0.482759, 0.285714 / 1.035714 = 0.275862, 0.25 / 1.035714 = 0.241379
		assertThat(p[0]).isCloseTo(0.482759, within(1e-6));
		assertThat(p[1]).isCloseTo(0.275862, within(1e-6));
		assertThat(p[2]).isCloseTo(0.241379, within(1e-6));
	}

	@Test
	void powerMethodSumsToOneAndPutsTheMarginOnTheLongShot() {
		double[] power = Margin.power(2.0, 3.5, 4.0);
		double[] multiplicative = Margin.multiplicative(2.0, 3.5, 4.0);

		assertThat(power[0] + power[1] + power[2]).isCloseTo(1, within(1e-12));
		assertThat(power[2]).isLessThan(multiplicative[2]);
		assertThat(power[0]).isGreaterThan(multiplicative[0]);
		// κ = 1.034637 solves 0.5^κ + 0.285714^κ + 0.25^κ = 1, giving 0.488139, 0.273582, 0.238279
		assertThat(power[0]).isCloseTo(0.488139, within(1e-6));
		assertThat(power[1]).isCloseTo(0.273582, within(1e-6));
		assertThat(power[2]).isCloseTo(0.238279, within(1e-6));
	}

	@Test
	void fairOddsAreLeftAlone() {
		// 1/2 + 1/4 + 1/4 = 1: κ = 1
		assertThat(Margin.power(2.0, 4.0, 4.0)).containsExactly(new double[] { 0.5, 0.25, 0.25 }, within(1e-12));
		assertThat(Margin.overround(2.0, 4.0, 4.0)).isCloseTo(0, within(1e-15));
	}

	@Test
	void pricesBetterThanFairAreScaledUp() {
		// booksum 1/2.1 + 1/2.1 = 0.952381 < 1, so κ < 1 and each side gets 0.5
		assertThat(Margin.power(2.1, 2.1)).containsExactly(new double[] { 0.5, 0.5 }, within(1e-12));
	}

	@Test
	void rejectsOddsNotAboveOneNamingTheValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> Margin.power(2.0, 1.0)).withMessageContaining("1.0");
		assertThatIllegalArgumentException().isThrownBy(() -> Margin.multiplicative(0.5, 3.0))
			.withMessageContaining("0.5");
		assertThatIllegalArgumentException().isThrownBy(() -> Margin.overround(Double.NaN, 3.0))
			.withMessageContaining("NaN");
		assertThatIllegalArgumentException().isThrownBy(Margin::overround).withMessageContaining("empty");
	}
}
