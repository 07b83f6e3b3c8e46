package io.analytips.football.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CountDistributionTest {

	@Test
	void withoutOverDispersionTheTotalIsPoisson() {
		// P(over 9.5) = 1 - Σ_{k≤9} e^-10 10^k / k! = 0.542070; P(over 11.5) = 1 - Σ_{k≤11} … = 0.303224
		assertThat(CountDistribution.over(10, 1, 9.5)).isCloseTo(0.542070, within(1e-6));
		assertThat(CountDistribution.over(10, 1, 11.5)).isCloseTo(0.303224, within(1e-6));
		assertThat(CountDistribution.over(10, 0.8, 11.5)).isCloseTo(0.303224, within(1e-6));
	}

	@Test
	void overDispersionFattensTheTails() {
		double poisson = CountDistribution.over(10, 1, 11.5);
		double negativeBinomial = CountDistribution.over(10, 1.2, 11.5);

		assertThat(negativeBinomial).isGreaterThan(poisson).isCloseTo(0.312816, within(1e-6));
		// and the low tail too: P(under 8.5) is larger
		assertThat(1 - CountDistribution.over(10, 1.2, 8.5)).isGreaterThan(1 - CountDistribution.over(10, 1, 8.5));
	}

	@Test
	void negativeBinomialHasTheRequestedMeanAndVariance() {
		double[] pmf = CountDistribution.negativeBinomial(10, 1.2, 400);
		double mean = 0;
		double square = 0;
		for (int k = 0; k < pmf.length; k++) {
			mean += k * pmf[k];
			square += (double) k * k * pmf[k];
		}

		assertThat(mean).isCloseTo(10, within(1e-9));
		assertThat(square - mean * mean).isCloseTo(12, within(1e-9));
	}

	@Test
	void negativeBinomialStartsAtPToTheR() {
		// variance/mean 2 → p = 1/2, r = 10 / (2 - 1) = 10, so P(0) = 0.5^10 and P(over 0.5) = 0.9990234
		assertThat(CountDistribution.over(10, 2, 0.5)).isCloseTo(1 - Math.pow(0.5, 10), within(1e-12));
	}

	@Test
	void probabilityIsTheMassAtOneCountOfTheSameDistribution() {
		// Poisson(10): P(10) = e^-10 10^10 / 10! = 0.125110; NB(mean 10, ratio 2): P(0) = 0.5^10
		assertThat(CountDistribution.probability(10, 1, 10)).isCloseTo(0.125110, within(1e-6));
		assertThat(CountDistribution.probability(10, 2, 0)).isCloseTo(Math.pow(0.5, 10), within(1e-15));
		// and the masses agree with the tails: P(X = 9) = P(X > 8.5) − P(X > 9.5)
		assertThat(CountDistribution.probability(10, 1.2, 9))
			.isCloseTo(CountDistribution.over(10, 1.2, 8.5) - CountDistribution.over(10, 1.2, 9.5), within(1e-12));
	}

	@Test
	void probabilityRejectsANegativeCountOrMean() {
		assertThatThrownBy(() -> CountDistribution.probability(10, 1.2, -1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("count");
		assertThatThrownBy(() -> CountDistribution.probability(0, 1.2, 3)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("mean");
	}
}
