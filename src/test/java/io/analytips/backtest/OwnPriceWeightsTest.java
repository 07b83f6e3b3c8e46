package io.analytips.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.analytips.football.analysis.Margin;
import io.analytips.football.analysis.OwnPriceBlend;
import io.analytips.football.sim.data.BookmakerOdds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OwnPriceWeightsTest {

	// the home win at about 0.8 once the margin is off
	private static final BookmakerOdds SHARP = new BookmakerOdds(BookmakerOdds.PINNACLE_PRE_CLOSING, "Pinnacle", 1.25,
			10.0, 10.0, null, null);

	private static final BookmakerOdds CLOSING = new BookmakerOdds(BookmakerOdds.PINNACLE, "Pinnacle closing", 1.25,
			10.0, 10.0, null, null);

	@Test
	void eachSeasonIsPooledWithTheWeightTheSeasonsBeforeItChose() {
		// 2018: the price is right and the model wrong, so 2019 leans on the price alone; 2018 has nothing before it
		List<Prediction> walk = new ArrayList<>(season(2018, 20, List.of(CLOSING, SHARP)));
		walk.addAll(season(2019, 20, List.of(CLOSING, SHARP)));

		OwnPriceWeights.Result result = OwnPriceWeights.walkForward(walk, 2018);

		assertThat(result.weights()).containsEntry(2018, 0.0).containsEntry(2019, 1.0);
		assertThat(result.predictions().get(0).model()).isEqualTo(walk.get(0).model());
		assertThat(result.predictions().get(20).model()[0]).isCloseTo(Margin.power(1.25, 10, 10)[0], within(1e-12));
		assertThat(result.latest()).hasValue(1.0);
	}

	@Test
	void aLeagueWithoutPreClosingPricesHasNoWeightToChooseAndKeepsTheModel() {
		List<Prediction> walk = new ArrayList<>(season(2018, 10, List.of(CLOSING)));
		walk.addAll(season(2019, 10, List.of(CLOSING)));

		OwnPriceWeights.Result result = OwnPriceWeights.walkForward(walk, 2018);

		assertThat(result.latest()).isEmpty();
		assertThat(result.weights()).containsEntry(2019, 0.0);
		assertThat(result.predictions()).isEqualTo(walk);
	}

	@Test
	void theWeightIsChosenOnTheTuningSeasonsOnlyAndATieKeepsTheSmaller() {
		// the model already equals the price: every weight scores the same, so 0 is kept
		Prediction same = prediction(2018, new double[] { 0.8, 0.1, 0.1 }, List.of(CLOSING, SHARP));
		List<Prediction> walk = List.of(prediction(2016, new double[] { 0.2, 0.4, 0.4 }, List.of(CLOSING, SHARP)), same,
				prediction(2019, new double[] { 0.2, 0.4, 0.4 }, List.of(CLOSING, SHARP)));

		assertThat(OwnPriceWeights.choose(walk, 2017, 2019)).hasValue(0.0);
		assertThat(OwnPriceWeights.choose(walk, 2016, 2019)).hasValue(1.0);
		assertThat(OwnPriceWeights.choose(walk, 2017, 2018)).isEmpty();
	}

	@Test
	void aFixedWeightPoolsEverySeasonAlike() {
		List<Prediction> walk = season(2019, 4, List.of(CLOSING, SHARP));

		OwnPriceWeights.Result result = OwnPriceWeights.fixed(walk,
				new OwnPriceBlend(0.5, OwnPriceBlend.Pool.LINEAR));

		assertThat(result.weights()).containsExactlyEntriesOf(java.util.Map.of(2019, 0.5));
		assertThat(result.latest()).hasValue(0.5);
		assertThat(result.predictions().get(0).model()[0]).isCloseTo((0.2 + Margin.power(1.25, 10, 10)[0]) / 2,
				within(1e-12));
	}

	/** {@code n} home wins the model gave 0.2 and the price 0.8. */
	private static List<Prediction> season(int season, int n, List<BookmakerOdds> odds) {
		List<Prediction> matches = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			matches.add(prediction(season, new double[] { 0.2, 0.4, 0.4 }, odds));
		}
		return matches;
	}

	private static Prediction prediction(int season, double[] model, List<BookmakerOdds> odds) {
		return new Prediction(season, LocalDate.of(season, 9, 1), "A", "B", 2, 0, 1.6, 1.1, model,
				new double[] { 0.8, 0.1, 0.1 }, new double[] { 0.45, 0.25, 0.3 }, 0.55, null, 0.5, 0.52, 0.5, 0.5, 10, odds);
	}
}
