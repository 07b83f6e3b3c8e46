package io.analytips.backtest;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BttsWeightsTest {

	/** A match whose score matrix said 0.4 for both teams scoring, in a league where 0.6 of the last year's did. */
	private static Prediction match(int season, boolean bothScored) {
		return new Prediction(season, LocalDate.of(season, 9, 1), "A", "B", 1, bothScored ? 1 : 0, 1.4, 1.1,
				new double[] { 0.5, 0.3, 0.2 }, new double[] { 0.5, 0.3, 0.2 }, new double[] { 0.45, 0.27, 0.28 }, 0.5, 0.5,
				0.5, 0.4, 0.55, 0.6, 20, List.of());
	}

	@Test
	void choosesTheWeightWhoseCalibratedProbabilitiesScoreBestOnTheSeasonsBefore() {
		// one of two scored both ways: the Brier (q − 1)² + q² is lowest at q = 0.5 = 0.4 + w · (0.6 − 0.4), w = 0.5
		List<Prediction> seasons = List.of(match(2019, true), match(2019, false), match(2020, true), match(2020, true));

		assertThat(BttsWeights.choose(seasons, 2019, 2020)).isEqualTo(0.5);
		// no season before: the score matrix's probability as it is
		assertThat(BttsWeights.choose(seasons, 2019, 2019)).isEqualTo(0.0);
	}

	@Test
	void eachSeasonIsCalibratedWithTheWeightChosenOnTheSeasonsBeforeItNeverOnItself() {
		List<Prediction> seasons = List.of(match(2019, true), match(2019, false), match(2020, true), match(2020, true));

		BttsWeights.Result result = BttsWeights.walkForward(seasons, 2019);

		assertThat(result.weights()).containsEntry(2019, 0.0).containsEntry(2020, 0.5);
		assertThat(result.predictions().get(0).modelBtts()).isEqualTo(0.4);
		assertThat(result.predictions().get(2).modelBtts()).isCloseTo(0.5, within(1e-12));
		// the bot's, on 2019 and 2020: three of four both ways, the best of the grid is the frequency itself, w = 1
		assertThat(result.latest()).isEqualTo(1.0);
	}

	@Test
	void pairsTheCalibratedScoresWithTheScoreMatrixsOwnMatchByMatch() {
		List<Prediction> seasons = List.of(match(2019, true), match(2019, false), match(2020, true), match(2020, true));

		BttsWeights.Result result = BttsWeights.walkForward(seasons, 2019);

		// 2020 only: 0.5 instead of 0.4 on two matches where both scored, (0.5 − 1)² − (0.4 − 1)² = −0.11 each
		assertThat(result.gain(2020, 2020, false)).containsExactly(new double[] { -0.11, 0 }, within(1e-12));
		assertThat(result.gain(2020, 2020, true)[0]).isCloseTo(Math.log(0.4) - Math.log(0.5), within(1e-12));
	}

	@Test
	void seasonsBeforeTheFirstTuningSeasonTrainNothing() {
		List<Prediction> seasons = List.of(match(2018, true), match(2018, false), match(2019, true));

		assertThat(BttsWeights.walkForward(seasons, 2019).weights()).containsEntry(2019, 0.0);
	}
}
