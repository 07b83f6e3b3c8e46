package io.analytips.backtest;

import java.time.LocalDate;
import java.util.List;

import io.analytips.football.analysis.OwnPriceBlend;
import io.analytips.football.sim.data.BookmakerOdds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PredictionTest {

	private static final OwnPriceBlend HALF = new OwnPriceBlend(0.5, OwnPriceBlend.Pool.LINEAR);

	// margin-free by the power method: 0.509020, 0.245490, 0.245490 and over 0.540278
	private static final BookmakerOdds PRE_CLOSING = new BookmakerOdds(BookmakerOdds.PINNACLE_PRE_CLOSING, "Pinnacle",
			1.9, 3.8, 3.8, 1.8, 2.1);

	// the close is what the forecasts are scored against: never pooled in
	private static final BookmakerOdds CLOSING = new BookmakerOdds(BookmakerOdds.PINNACLE, "Pinnacle closing", 1.5,
			4.0, 7.0, 1.5, 2.6);

	@Test
	void theOwnPricePoolsTheModels1X2AndOverWithThePreClosingPriceAndLeavesTheRestAlone() {
		Prediction alone = prediction(List.of(CLOSING, PRE_CLOSING));

		Prediction pooled = alone.withOwnPrice(HALF);

		assertThat(pooled.model()).containsExactly(new double[] { 0.504510035295, 0.272744982352, 0.222744982352 }, within(1e-9));
		assertThat(pooled.modelOver25()).isCloseTo(0.545139196796, within(1e-9));
		assertThat(pooled.closing()).isSameAs(alone.closing());
		assertThat(pooled.closingOver25()).isEqualTo(alone.closingOver25());
		assertThat(pooled.modelBtts()).isEqualTo(alone.modelBtts());
		assertThat(pooled.odds()).isEqualTo(alone.odds());
	}

	@Test
	void aMatchWithoutAPreClosingPriceKeepsTheModel() {
		Prediction alone = prediction(List.of(CLOSING));

		assertThat(alone.withOwnPrice(HALF)).isSameAs(alone);
	}

	@Test
	void aPreClosingPriceWithoutTotalsPoolsOnlyThe1X2() {
		Prediction alone = prediction(List.of(CLOSING,
				new BookmakerOdds(BookmakerOdds.PINNACLE_PRE_CLOSING, "Pinnacle", 1.9, 3.8, 3.8, null, null)));

		Prediction pooled = alone.withOwnPrice(HALF);

		assertThat(pooled.model()[0]).isCloseTo(0.504510035295, within(1e-9));
		assertThat(pooled.modelOver25()).isEqualTo(0.55);
	}

	@Test
	void weightZeroKeepsThePrediction() {
		Prediction alone = prediction(List.of(CLOSING, PRE_CLOSING));

		assertThat(alone.withOwnPrice(OwnPriceBlend.NONE)).isSameAs(alone);
	}

	private static Prediction prediction(List<BookmakerOdds> odds) {
		return new Prediction(2021, LocalDate.of(2021, 8, 14), "A", "B", 2, 1, 1.6, 1.1, new double[] { 0.5, 0.3, 0.2 },
				new double[] { 0.64, 0.24, 0.12 }, new double[] { 0.45, 0.25, 0.3 }, 0.55, 0.62, 0.5, 0.52, 0.5, 0.5, 10,
				odds);
	}
}
