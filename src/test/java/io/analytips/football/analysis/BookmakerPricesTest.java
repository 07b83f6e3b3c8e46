package io.analytips.football.analysis;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BookmakerPricesTest {

	@Test
	void changingTheCallersArraysDoesNotChangeThePrices() {
		double[] oneXTwo = { 2.0, 3.5, 4.0 };
		double[] line = { 1.9, 1.9 };
		Map<Double, double[]> lines = new HashMap<>(Map.of(2.5, line));
		BookmakerPrices prices = new BookmakerPrices("book", oneXTwo, lines, null);

		oneXTwo[0] = 9;
		line[0] = 9;
		lines.put(3.5, new double[] { 2.5, 1.5 });
		prices.oneXTwo()[1] = 9;
		prices.overUnder().get(2.5)[1] = 9;

		assertThat(prices.oneXTwo()).containsExactly(2.0, 3.5, 4.0);
		assertThat(prices.overUnder()).containsOnlyKeys(2.5);
		assertThat(prices.overUnder().get(2.5)).containsExactly(1.9, 1.9);
		assertThat(prices.bothTeamsScore()).isNull();
	}

	@Test
	void equalPricesAreEqual() {
		BookmakerPrices a = new BookmakerPrices("book", new double[] { 2, 3, 4 }, Map.of(2.5, new double[] { 2, 2 }), null);
		BookmakerPrices b = new BookmakerPrices("book", new double[] { 2, 3, 4 }, Map.of(2.5, new double[] { 2, 2 }), null);

		assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
		assertThat(a.toString()).contains("2.5=[2.0, 2.0]");
	}

	@Test
	void missingLinesReadAsNone() {
		assertThat(new BookmakerPrices("book", null, null, null).overUnder()).isEmpty();
	}

	@Test
	void rejectsAMarketWithTheWrongNumberOfOutcomes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BookmakerPrices("book", new double[] { 2, 2 }, null, null))
			.withMessageContaining("oneXTwo");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BookmakerPrices("book", null, Map.of(2.5, new double[] { 2 }), null))
			.withMessageContaining("2.5");
	}
}
