package io.analytips.backtest;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** The table's averages and the paired differences, on two matches worked by hand. */
class MetricTableTest {

	private static final double[] MODEL = { 0.5, 0.3, 0.2 };

	private static final double[] CLOSING = { 0.6, 0.3, 0.1 };

	private static Prediction match(int home, int away, double[] model, double[] closing, double modelOver,
			Double closingOver) {
		return match(home, away, model, closing, modelOver, closingOver, 0.55, 0.4);
	}

	private static Prediction match(int home, int away, double[] model, double[] closing, double modelOver,
			Double closingOver, double modelBtts, double frequencyBtts) {
		return new Prediction(2020, LocalDate.of(2020, 9, 12), "A", "B", home, away, 1.5, 1.1, model, closing,
				new double[] { 0.45, 0.25, 0.30 }, modelOver, closingOver, 0.5, modelBtts, frequencyBtts, frequencyBtts, 20, List.of());
	}

	/** A 2-1 (over 2.5, both scored) and a 0-0 (neither), both with closing totals prices. */
	private static List<Prediction> twoMatchesWithTotals() {
		return List.of(match(2, 1, MODEL, CLOSING, 0.6, 0.5), match(0, 0, MODEL, CLOSING, 0.6, 0.5));
	}

	@Test
	void averagesEachRuleOverTheMatchesAndPairsTheModelWithTheClosingLine() {
		// match 1, home win 2-1: model RPS 0.145 (worked in ScoringRulesTest), closing RPS ½(0.16 + 0.01) = 0.085
		// match 2, draw 0-0: model RPS ½(0.25 + 0.04) = 0.145, closing RPS ½(0.36 + 0.01) = 0.185
		MetricTable table = MetricTable.of(List.of(match(2, 1, MODEL, CLOSING, 0.6, 0.5),
				match(0, 0, MODEL, CLOSING, 0.6, null)));

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
		// and its log score: −ln 0.6 against −ln ½
		assertThat(table.row(Forecaster.MODEL).overUnderLogLoss()).isCloseTo(0.5108256, within(1e-7));
		assertThat(table.row(Forecaster.CLOSING_LINE).overUnderLogLoss()).isCloseTo(Math.log(2), within(1e-12));
	}

	@Test
	void scoresOverUnderByItsLogScoreBesideItsBrier() {
		MetricTable table = MetricTable.of(twoMatchesWithTotals());

		// model: over at 0.6, then under at 0.4: (−ln 0.6 − ln 0.4) / 2 = (0.5108256 + 0.9162907) / 2
		assertThat(table.row(Forecaster.MODEL).overUnderLogLoss()).isCloseTo(0.7135582, within(1e-7));
		assertThat(table.row(Forecaster.MODEL).overUnderBrier()).isCloseTo((0.16 + 0.36) / 2, within(1e-12));
		// the closing line, the league frequencies and the uniform forecast all say ½: ln 2 whatever happens
		for (Forecaster f : List.of(Forecaster.CLOSING_LINE, Forecaster.LEAGUE_FREQUENCIES, Forecaster.UNIFORM)) {
			assertThat(table.row(f).overUnderLogLoss()).as("%s", f).isCloseTo(Math.log(2), within(1e-12));
		}
	}

	@Test
	void scoresBothTeamsToScoreForEveryForecasterButTheClosingLine() {
		MetricTable table = MetricTable.of(twoMatchesWithTotals());

		// model 0.55: both scored in the 2-1, neither in the 0-0: (0.45² + 0.55²) / 2, (−ln 0.55 − ln 0.45) / 2
		assertThat(table.row(Forecaster.MODEL).bttsBrier()).isCloseTo(0.2525, within(1e-12));
		assertThat(table.row(Forecaster.MODEL).bttsLogLoss()).isCloseTo((0.5978370 + 0.7985077) / 2, within(1e-7));
		// league frequencies 0.4: (0.6² + 0.4²) / 2, (−ln 0.4 − ln 0.6) / 2
		assertThat(table.row(Forecaster.LEAGUE_FREQUENCIES).bttsBrier()).isCloseTo(0.26, within(1e-12));
		assertThat(table.row(Forecaster.LEAGUE_FREQUENCIES).bttsLogLoss()).isCloseTo(0.7135582, within(1e-7));
		assertThat(table.row(Forecaster.UNIFORM).bttsBrier()).isCloseTo(0.25, within(1e-12));
		assertThat(table.row(Forecaster.UNIFORM).bttsLogLoss()).isCloseTo(Math.log(2), within(1e-12));
		// no BTTS prices in the data
		assertThat(table.row(Forecaster.CLOSING_LINE).bttsBrier()).isNaN();
		assertThat(table.row(Forecaster.CLOSING_LINE).bttsLogLoss()).isNaN();
	}

	@Test
	void pairsTheModelWithTheClosingLineInEachScoreWithA95PercentInterval() {
		MetricTable table = MetricTable.of(twoMatchesWithTotals());

		// with two matches the standard error is half the two differences' distance
		// 1X2 RPS: +0.06 and −0.04 → 0.01 ± 1.96 · 0.05
		PairedDifference rps = table.difference(Forecaster.CLOSING_LINE, Score.ONE_X_TWO_RPS);
		assertThat(rps.matches()).isEqualTo(2);
		assertThat(rps.mean()).isCloseTo(0.01, within(1e-12));
		assertThat(rps.standardError()).isCloseTo(0.05, within(1e-12));
		assertThat(rps.low()).isCloseTo(-0.088, within(1e-12));
		assertThat(rps.high()).isCloseTo(0.108, within(1e-12));
		// 1X2 log score: home win −ln 0.5 + ln 0.6 = 0.1823216, draw −ln 0.3 + ln 0.3 = 0
		PairedDifference log = table.difference(Forecaster.CLOSING_LINE, Score.ONE_X_TWO_LOG_LOSS);
		assertThat(log.mean()).isCloseTo(0.0911608, within(1e-7));
		assertThat(log.standardError()).isCloseTo(0.0911608, within(1e-7));
		assertThat(log.low()).isCloseTo(0.0911608 - 1.96 * 0.0911608, within(1e-6));
		assertThat(log.high()).isCloseTo(0.0911608 + 1.96 * 0.0911608, within(1e-6));
		// O/U Brier: 0.16 − 0.25 = −0.09 and 0.36 − 0.25 = +0.11 → 0.01 ± 1.96 · 0.1
		PairedDifference ouBrier = table.difference(Forecaster.CLOSING_LINE, Score.OVER_UNDER_BRIER);
		assertThat(ouBrier.mean()).isCloseTo(0.01, within(1e-12));
		assertThat(ouBrier.standardError()).isCloseTo(0.1, within(1e-12));
		assertThat(ouBrier.low()).isCloseTo(-0.186, within(1e-12));
		assertThat(ouBrier.high()).isCloseTo(0.206, within(1e-12));
		// O/U log score: ln(0.5/0.6) = −0.1823216 and ln(0.5/0.4) = +0.2231436 → mean ½ ln(0.25/0.24), SE ½ ln 1.5
		PairedDifference ouLog = table.difference(Forecaster.CLOSING_LINE, Score.OVER_UNDER_LOG_LOSS);
		assertThat(ouLog.mean()).isCloseTo(0.0204110, within(1e-7));
		assertThat(ouLog.standardError()).isCloseTo(0.2027326, within(1e-7));
		assertThat(ouLog.low()).isCloseTo(0.0204110 - 1.96 * 0.2027326, within(1e-6));
		assertThat(ouLog.high()).isCloseTo(0.0204110 + 1.96 * 0.2027326, within(1e-6));
	}

	@Test
	void pairsTheModelsBothTeamsToScoreWithTheLeagueFrequencies() {
		MetricTable table = MetricTable.of(twoMatchesWithTotals());

		// Brier: 0.2025 − 0.36 = −0.1575 and 0.3025 − 0.16 = +0.1425 → −0.0075 ± 1.96 · 0.15
		PairedDifference brier = table.difference(Forecaster.LEAGUE_FREQUENCIES, Score.BTTS_BRIER);
		assertThat(brier.matches()).isEqualTo(2);
		assertThat(brier.mean()).isCloseTo(-0.0075, within(1e-12));
		assertThat(brier.standardError()).isCloseTo(0.15, within(1e-12));
		assertThat(brier.low()).isCloseTo(-0.3015, within(1e-12));
		assertThat(brier.high()).isCloseTo(0.2865, within(1e-12));
		// log score: ln(0.4/0.55) = −0.3184537 and ln(0.6/0.45) = +0.2876821
		PairedDifference log = table.difference(Forecaster.LEAGUE_FREQUENCIES, Score.BTTS_LOG_LOSS);
		assertThat(log.mean()).isCloseTo(-0.0153858, within(1e-7));
		assertThat(log.standardError()).isCloseTo(0.3030679, within(1e-7));
		assertThat(log.low()).isCloseTo(-0.0153858 - 1.96 * 0.3030679, within(1e-6));
		assertThat(log.high()).isCloseTo(-0.0153858 + 1.96 * 0.3030679, within(1e-6));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> table.difference(Forecaster.CLOSING_LINE, Score.BTTS_BRIER))
			.withMessageContaining("BTTS Brier");
	}

	@Test
	void printsADashWhereAForecasterHasNoPriceForTheMarket() {
		// no closing totals prices (as in the Série A file), and no BTTS prices at all
		String markdown = MetricTable.of(List.of(match(2, 1, MODEL, CLOSING, 0.6, null),
				match(0, 0, MODEL, CLOSING, 0.6, null))).toMarkdown();

		List<String> lines = markdown.lines().toList();
		assertThat(lines.get(0)).isEqualTo("| forecaster | 1X2 RPS | 1X2 log loss | 1X2 Brier | O/U 2.5 Brier "
				+ "| O/U 2.5 log loss | BTTS Brier | BTTS log loss |");
		assertThat(lines).contains("| closing line | 0.1350 | 0.8574 | 0.5600 | — | — | — | — |",
				"| model | 0.1450 | 0.9486 | 0.5800 | 0.2600 | 0.7136 | 0.2525 | 0.6982 |");
		assertThat(lines).contains("| model − closing line, 1X2 RPS | 2 | +0.0100 | 0.0500 | [-0.0880, +0.1080] |",
				"| model − closing line, O/U 2.5 Brier | 2 | — | — | — |",
				"| model − closing line, O/U 2.5 log loss | 2 | — | — | — |",
				"| model − league frequencies, BTTS Brier | 2 | -0.0075 | 0.1500 | [-0.3015, +0.2865] |");
	}

	@Test
	void refusesToScoreNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> MetricTable.of(List.of()))
			.withMessage("no predictions to score");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PairedDifference.of(Forecaster.LEAGUE_FREQUENCIES, Score.BTTS_LOG_LOSS, List.of()))
			.withMessageContaining("no predictions");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PairedDifference.of(Forecaster.CLOSING_LINE, Score.OVER_UNDER_LOG_LOSS, List.of()))
			.withMessageContaining("no predictions");
	}
}
