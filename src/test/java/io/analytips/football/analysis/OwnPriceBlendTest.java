package io.analytips.football.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class OwnPriceBlendTest {

	private static final OneXTwo MODEL = new OneXTwo(0.5, 0.3, 0.2);

	// 1/1.9 : 1/3.8 : 1/3.8 is 2 : 1 : 1, so the margin-free price is exactly 0.5, 0.25, 0.25
	private static final double[] ODDS = { 1.9, 3.8, 3.8 };

	@Test
	void theLinearPoolWeighsTheModelAndTheMarginFreePriceOutcomeByOutcome() {
		OneXTwo pooled = new OwnPriceBlend(0.4, OwnPriceBlend.Pool.LINEAR).oneXTwo(MODEL, ODDS);

		// 0.6 · model + 0.4 · (0.5, 0.25, 0.25)
		assertThat(pooled.home()).isCloseTo(0.5, within(1e-12));
		assertThat(pooled.draw()).isCloseTo(0.28, within(1e-12));
		assertThat(pooled.away()).isCloseTo(0.22, within(1e-12));
	}

	@Test
	void theLogPoolTakesTheRenormalisedGeometricMean() {
		OneXTwo pooled = new OwnPriceBlend(0.5, OwnPriceBlend.Pool.LOG).oneXTwo(MODEL, ODDS);

		// √(0.5·0.5), √(0.3·0.25), √(0.2·0.25) = 0.5, 0.273861, 0.223607, over their sum 0.997468
		assertThat(pooled.home()).isCloseTo(0.501269175, within(1e-9));
		assertThat(pooled.draw()).isCloseTo(0.274556435, within(1e-9));
		assertThat(pooled.away()).isCloseTo(0.224174390, within(1e-9));
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

		assertThat(pooled.toArray()).containsExactly(new double[] { 0.5, 0.25, 0.25 }, within(1e-12));
	}

	@Test
	void withoutAPriceTheModelIsKept() {
		OwnPriceBlend blend = new OwnPriceBlend(0.5, OwnPriceBlend.Pool.LINEAR);

		assertThat(blend.oneXTwo(MODEL, null)).isSameAs(MODEL);
		assertThat(blend.over(0.55, null)).isEqualTo(0.55);
	}

	@Test
	void poolsTheOverWithTheMarginFreeOverPrice() {
		// 1/1.8 : 1/2.1 is 2.1 : 1.8, so the fair over is 7/13
		double over = new OwnPriceBlend(0.5, OwnPriceBlend.Pool.LINEAR).over(0.55, new double[] { 1.8, 2.1 });

		assertThat(over).isCloseTo((0.55 + 7.0 / 13) / 2, within(1e-12));
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
