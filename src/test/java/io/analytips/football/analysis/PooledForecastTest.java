package io.analytips.football.analysis;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class PooledForecastTest {

	private static final Markets MODEL = Markets.from(ScoreMatrix.dixonColes(new ExpectedGoals(1.6, 1.1), -0.05));

	private static final OwnPriceBlend HALF = new OwnPriceBlend(0.5, OwnPriceBlend.Pool.LINEAR);

	// over 2.5 at exactly 0.5 once the margin is off; the 1X2 at Margin.power's
	private static final BookmakerPrices PRICES = new BookmakerPrices("Pinnacle", new double[] { 1.9, 3.8, 3.8 },
			Map.of(2.5, new double[] { 1.9, 1.9 }), null);

	@Test
	void poolsTheModels1X2AndOver25WithTheFixturesPrice() {
		PooledForecast forecast = PooledForecast.of(MODEL, HALF, PRICES);

		double[] fair = Margin.power(1.9, 3.8, 3.8);
		assertThat(forecast.result().home()).isCloseTo((MODEL.result().home() + fair[0]) / 2, within(1e-12));
		assertThat(forecast.result().draw()).isCloseTo((MODEL.result().draw() + fair[1]) / 2, within(1e-12));
		assertThat(forecast.over25()).isCloseTo((MODEL.goals(2.5).over() + 0.5) / 2, within(1e-12));
		assertThat(forecast.resultWeight()).isEqualTo(0.5);
		assertThat(forecast.over25Weight()).isEqualTo(0.5);
		assertThat(forecast.pooled()).isTrue();
	}

	@Test
	void aPriceWithoutTheGoalLinePoolsTheResultAlone() {
		BookmakerPrices result = new BookmakerPrices("Pinnacle", new double[] { 1.9, 3.8, 3.8 }, Map.of(), null);

		PooledForecast forecast = PooledForecast.of(MODEL, HALF, result);

		assertThat(forecast.over25()).isEqualTo(MODEL.goals(2.5).over());
		assertThat(forecast.over25Weight()).isZero();
		assertThat(forecast.resultWeight()).isEqualTo(0.5);
	}

	@Test
	void withoutPricesOrWeightItIsTheModels() {
		PooledForecast alone = PooledForecast.modelAlone(MODEL);

		assertThat(PooledForecast.of(MODEL, HALF, null)).isEqualTo(alone);
		assertThat(PooledForecast.of(MODEL, OwnPriceBlend.NONE, PRICES)).isEqualTo(alone);
		assertThat(alone.result()).isEqualTo(MODEL.result());
		assertThat(alone.pooled()).isFalse();
	}

	@Test
	void aBadPriceIsRejected() {
		BookmakerPrices bad = new BookmakerPrices("book", new double[] { 1.9, 3.8, 3.8 },
				Map.of(2.5, new double[] { 1.0, 1.9 }), null);

		assertThatIllegalArgumentException().isThrownBy(() -> PooledForecast.of(MODEL, HALF, bad));
	}
}
