package io.analytips.football.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class OwnPriceBlendTest {

	private static final OneXTwo MODEL = new OneXTwo(0.5, 0.3, 0.2);

	// margin-free by the power method, as the value finder takes it off: 0.509020071, 0.245489965, 0.245489965 (normalised, 2 : 1 : 1)
	private static final double[] ODDS = { 1.9, 3.8, 3.8 };

	private static final double[] FAIR = { 0.509020070590, 0.245489964705, 0.245489964705 };

	@Test
	void theLinearPoolWeighsTheModelAndTheMarginFreePriceOutcomeByOutcome() {
		OneXTwo pooled = new OwnPriceBlend(0.4, OwnPriceBlend.Pool.LINEAR).oneXTwo(MODEL, ODDS);

		// 0.6 · model + 0.4 · FAIR
		assertThat(pooled.home()).isCloseTo(0.6 * 0.5 + 0.4 * FAIR[0], within(1e-9));
		assertThat(pooled.draw()).isCloseTo(0.6 * 0.3 + 0.4 * FAIR[1], within(1e-9));
		assertThat(pooled.away()).isCloseTo(0.6 * 0.2 + 0.4 * FAIR[2], within(1e-9));
	}

	@Test
	void theLogPoolTakesTheRenormalisedGeometricMean() {
		OneXTwo pooled = new OwnPriceBlend(0.5, OwnPriceBlend.Pool.LOG).oneXTwo(MODEL, ODDS);

		// √(model · FAIR), outcome by outcome, over their sum 0.997450
		assertThat(pooled.home()).isCloseTo(0.505779445, within(1e-9));
		assertThat(pooled.draw()).isCloseTo(0.272073485, within(1e-9));
		assertThat(pooled.away()).isCloseTo(0.222147070, within(1e-9));
		assertThat(pooled.home() + pooled.draw() + pooled.away()).isCloseTo(1, within(1e-12));
	}

	@Test
	void weightZeroIsTheModelUnchanged() {
		assertThat(OwnPriceBlend.NONE.blends()).isFalse();
		assertThat(OwnPriceBlend.NONE.oneXTwo(MODEL, ODDS)).isSameAs(MODEL);
		assertThat(new OwnPriceBlend(0, OwnPriceBlend.Pool.LOG).oneXTwo(MODEL, ODDS)).isSameAs(MODEL);
		assertThat(OwnPriceBlend.NONE.over(0.55, new double[] { 1.8, 2.1 })).isEqualTo(0.55);
	}

	@Test
	void weightOneIsTheMarginFreePriceAlone() {
		OneXTwo pooled = new OwnPriceBlend(1, OwnPriceBlend.Pool.LOG).oneXTwo(MODEL, ODDS);

		assertThat(pooled.toArray()).containsExactly(FAIR, within(1e-9));
	}

	@Test
	void withoutAPriceTheModelIsKept() {
		OwnPriceBlend blend = new OwnPriceBlend(0.5, OwnPriceBlend.Pool.LINEAR);

		assertThat(blend.oneXTwo(MODEL, null)).isSameAs(MODEL);
		assertThat(blend.over(0.55, null)).isEqualTo(0.55);
	}

	@Test
	void poolsTheOverWithTheMarginFreeOverPrice() {
		// the power method's fair over at 1.8 against 2.1: 0.540278394 (normalised, 7/13)
		double over = new OwnPriceBlend(0.5, OwnPriceBlend.Pool.LINEAR).over(0.55, new double[] { 1.8, 2.1 });

		assertThat(over).isCloseTo((0.55 + 0.540278393592) / 2, within(1e-9));
	}

	@Test
	void rejectsAWeightOutsideZeroToOneAndMalformedOdds() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OwnPriceBlend(1.5, OwnPriceBlend.Pool.LINEAR))
			.withMessageContaining("between 0 and 1");
		assertThatIllegalArgumentException().isThrownBy(() -> new OwnPriceBlend(Double.NaN, OwnPriceBlend.Pool.LINEAR));
		OwnPriceBlend blend = new OwnPriceBlend(0.5, OwnPriceBlend.Pool.LINEAR);
		assertThatIllegalArgumentException().isThrownBy(() -> blend.oneXTwo(MODEL, new double[] { 2, 3 }))
			.withMessageContaining("3 odds");
		assertThatIllegalArgumentException().isThrownBy(() -> blend.oneXTwo(MODEL, new double[] { 2, 1, 3 }));
		assertThatIllegalArgumentException().isThrownBy(() -> blend.over(0.5, new double[] { 2 }))
			.withMessageContaining("2 odds");
	}
}
