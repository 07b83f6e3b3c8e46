package io.analytips.football.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** A side's goal count with its blank scaled and its mean kept. */
class BlankFactorTest {

	private static final int MAX = 60;

	@Test
	void halvesTheBlankOfAOneGoalMeanAndKeepsTheMeanOnAHandCheckedCount() {
		double[] pmf = BlankFactor.goals(1, 0.5, MAX);

		// P(0) = 0.5 · e^-1 = 0.1839397; the goals from one up have mean 1 / (1 − 0.1839397) = 1.2253997, the
		// zero-truncated Poisson mean x / (1 − e^-x) of x = 0.4213037 (0.4213037 / 0.3438092 = 1.2253997)
		assertThat(pmf[0]).isCloseTo(0.5 * Math.exp(-1), within(1e-15));
		double x = BlankFactor.truncatedParameter(1 / (1 - 0.5 * Math.exp(-1)));
		assertThat(x).isCloseTo(0.4213037, within(1e-7));
		assertThat(x / -Math.expm1(-x)).isCloseTo(1 / (1 - 0.5 * Math.exp(-1)), within(1e-12));
		// P(1) = (1 − P(0)) · x / (e^x − 1) = 0.8160603 · 0.4213037 / 0.5239470 = 0.6561908; P(2) = P(1) · x / 2
		assertThat(pmf[1]).isCloseTo(0.6561908, within(1e-7));
		assertThat(pmf[2]).isCloseTo(0.6561908 * 0.4213037 / 2, within(1e-7));
		assertThat(sum(pmf)).isCloseTo(1, within(1e-12));
		assertThat(mean(pmf)).isCloseTo(1, within(1e-12));
		// the variance λ(1 + x − λ) is x here: less spread than the Poisson's 1
		assertThat(variance(pmf)).isCloseTo(x, within(1e-9));
	}

	@Test
	void factorOneIsExactlyThePoissonCount() {
		for (double mean : new double[] { 0.3, 1.1, 2.7 }) {
			assertThat(BlankFactor.goals(mean, 1, 10)).containsExactly(ScoreMatrix.poisson(mean, 10));
		}
		assertThat(BlankFactor.NONE.none()).isTrue();
		assertThat(new BlankFactor(0.9, 1).none()).isFalse();
	}

	@Test
	void belowOneEveryCountKeepsItsMeanAndIsSpreadLessThanPoisson() {
		for (double mean : new double[] { 0.6, 1.0, 1.4, 2.2, 3.5 }) {
			for (double factor : new double[] { 0.75, 0.9, 0.99 }) {
				double[] pmf = BlankFactor.goals(mean, factor, MAX);

				assertThat(pmf[0]).isCloseTo(factor * Math.exp(-mean), within(1e-15));
				assertThat(sum(pmf)).as("sum at mean %s, factor %s", mean, factor).isCloseTo(1, within(1e-12));
				assertThat(mean(pmf)).as("mean at %s, factor %s", mean, factor).isCloseTo(mean, within(1e-12));
				assertThat(variance(pmf)).isLessThan(mean);
			}
		}
	}

	@Test
	void aMeanTooLowForTheFactorGetsTheLeastSpreadCountWithThatMean() {
		// 0.5 · e^-0.2 = 0.41 blanks would leave too little for a mean of 0.2 from one goal up: P(0) cannot be below 0.8
		double[] pmf = BlankFactor.goals(0.2, 0.5, 5);

		assertThat(pmf).containsExactly(0.8, 0.2, 0, 0, 0, 0);
	}

	@Test
	void eachSideHasItsOwnBlank() {
		BlankFactor blanks = new BlankFactor(0.9, 0.8);

		assertThat(blanks.homeBlank(1.5)).isCloseTo(0.9 * Math.exp(-1.5), within(1e-15));
		assertThat(blanks.awayBlank(1.5)).isCloseTo(0.8 * Math.exp(-1.5), within(1e-15));
		assertThat(BlankFactor.NONE.homeBlank(1.5)).isEqualTo(Math.exp(-1.5));
	}

	@Test
	void rejectsAFactorOutsideZeroToOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BlankFactor(0, 1))
			.withMessage("home blank factor must be in (0, 1]: 0.0");
		assertThatIllegalArgumentException().isThrownBy(() -> new BlankFactor(1, 1.1))
			.withMessage("away blank factor must be in (0, 1]: 1.1");
		assertThatIllegalArgumentException().isThrownBy(() -> new BlankFactor(Double.NaN, 1))
			.withMessageContaining("home blank factor");
	}

	private static double sum(double[] pmf) {
		double total = 0;
		for (double p : pmf) {
			total += p;
		}
		return total;
	}

	private static double mean(double[] pmf) {
		double mean = 0;
		for (int k = 0; k < pmf.length; k++) {
			mean += k * pmf[k];
		}
		return mean;
	}

	private static double variance(double[] pmf) {
		double m = mean(pmf);
		double v = 0;
		for (int k = 0; k < pmf.length; k++) {
			v += (k - m) * (k - m) * pmf[k];
		}
		return v;
	}
}
