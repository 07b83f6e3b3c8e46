package io.analytips.backtest;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ModelPairTest {

	@Test
	void pairsEachMatchsScoresAndGivesTheMeanAndItsStandardError() {
		// home wins; the variant gives the winner 0.6 and 0.5, the baseline 0.5 both times
		List<Prediction> variant = List.of(prediction("A", 0.6, 0.4), prediction("B", 0.5, 0.5));
		List<Prediction> baseline = List.of(prediction("A", 0.5, 0.5), prediction("B", 0.5, 0.5));

		ModelPair pair = ModelPair.of("variant", "baseline", variant, baseline);

		// RPS: ½[(p_home − 1)² + (p_home + p_draw − 1)²] with no draw: (1 − p)²; 0.16 − 0.25 and 0
		ModelPair.Row rps = pair.row(Score.ONE_X_TWO_RPS);
		assertThat(rps.matches()).isEqualTo(2);
		assertThat(rps.mean()).isCloseTo(-0.045, within(1e-12));
		// differences −0.09 and 0: standard deviation 0.09 / √2, over √2
		assertThat(rps.standardError()).isCloseTo(0.045, within(1e-12));
		assertThat(rps.low()).isCloseTo(-0.045 - 1.96 * 0.045, within(1e-12));
		assertThat(pair.toMarkdown()).contains("| model, variant − model, baseline, 1X2 RPS | 2 | -0.0450 | 0.0450 |");
	}

	@Test
	void refusesToPairDifferentMatches() {
		assertThatIllegalArgumentException().isThrownBy(() -> ModelPair.of("v", "b", List.of(prediction("A", 0.5, 0.5)),
				List.of(prediction("B", 0.5, 0.5)))).withMessageContaining("match 0 differs");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ModelPair.of("v", "b", List.of(prediction("A", 0.5, 0.5)), List.of()));
	}

	private static Prediction prediction(String home, double win, double loss) {
		double[] model = { win, 0, loss };
		return new Prediction(2021, LocalDate.of(2021, 8, 14), home, "Z", 2, 1, 1.5, 1.1, model, model,
				new double[] { 0.45, 0.25, 0.3 }, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 10, List.of());
	}
}
