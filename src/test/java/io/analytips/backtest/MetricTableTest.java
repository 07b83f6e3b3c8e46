package io.analytips.backtest;

import java.time.LocalDate;
import java.util.List;

import io.analytips.football.analysis.ScoringRules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** The table's averages and the paired gap, on two matches worked by hand. */
class MetricTableTest {

	private static Prediction match(int home, int away, double[] model, double[] closing, double modelOver,
			Double closingOver) {
		return new Prediction(2020, LocalDate.of(2020, 9, 12), "A", "B", home, away, 1.5, 1.1, model, closing,
				new double[] { 0.45, 0.25, 0.30 }, modelOver, closingOver, 0.5, 0.55, 0.4, 20, List.of());
	}

	@Test
	void averagesEachRuleOverTheMatchesAndPairsTheModelWithTheClosingLine() {
		// match 1, home win 2-1: model RPS 0.145 (worked in ScoringRulesTest), closing RPS ½(0.16 + 0.01) = 0.085
		// match 2, draw 0-0: model RPS ½(0.25 + 0.04) = 0.145, closing RPS ½(0.36 + 0.01) = 0.185
		MetricTable table = MetricTable.of(List.of(
				match(2, 1, new double[] { 0.5, 0.3, 0.2 }, new double[] { 0.6, 0.3, 0.1 }, 0.6, 0.5),
				match(0, 0, new double[] { 0.5, 0.3, 0.2 }, new double[] { 0.6, 0.3, 0.1 }, 0.6, null)));

		assertThat(table.matches()).isEqualTo(2);
		assertThat(table.row(Forecaster.MODEL).rps()).isCloseTo(0.145, within(1e-12));
		assertThat(table.row(Forecaster.CLOSING_LINE).rps()).isCloseTo(0.135, within(1e-12));
		assertThat(table.row(Forecaster.MODEL).logLoss()).isCloseTo((-Math.log(0.5) - Math.log(0.3)) / 2, within(1e-12));
		assertThat(table.row(Forecaster.MODEL).brier()).isCloseTo((0.38 + 0.78) / 2, within(1e-12));
		// gaps +0.06 and −0.04: mean 0.01, sample sd √0.005, standard error 0.05
		assertThat(table.rpsGap()).isCloseTo(0.01, within(1e-12));
		assertThat(table.rpsGapStandardError()).isCloseTo(0.05, within(1e-12));
		// only match 1 has totals prices, and it had three goals: (0.6 − 1)² and (0.5 − 1)²
		assertThat(table.overUnderMatches()).isEqualTo(1);
		assertThat(table.row(Forecaster.MODEL).overUnderBrier()).isCloseTo(0.16, within(1e-12));
		assertThat(table.row(Forecaster.CLOSING_LINE).overUnderBrier()).isCloseTo(0.25, within(1e-12));
		assertThat(table.row(Forecaster.UNIFORM).overUnderBrier()).isCloseTo(0.25, within(1e-12));
	}

	@Test
	void refusesToScoreNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> MetricTable.of(List.of()));
	}
}
