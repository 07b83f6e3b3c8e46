package io.analytips.backtest;

import java.time.LocalDate;
import java.util.List;

import io.analytips.football.analysis.Confidence;
import io.analytips.football.analysis.ValueBet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class BetStatsTest {

	static Prediction match(int season) {
		return new Prediction(season, LocalDate.of(season, 9, 1), "A", "B", 1, 0, 1.4, 1.1, new double[] { 0.5, 0.3, 0.2 },
				new double[] { 0.5, 0.3, 0.2 }, new double[] { 0.45, 0.27, 0.28 }, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 20, List.of());
	}

	static Bet bet(Prediction match, double odds, double model, double stake, boolean won, double closing) {
		return new Bet(match, PriceSource.PINNACLE,
				new ValueBet("1X2", "home", odds, 1 / odds, model, model * odds - 1, stake, Confidence.HIGH), won, closing);
	}

	@Test
	void scoresReturnKellyReturnClosingLineValueAndCalibration() {
		Prediction one = match(2020);
		Prediction two = match(2020);
		List<Bet> bets = List.of(bet(one, 2.0, 0.55, 0.02, true, 0.55), bet(one, 4.0, 0.30, 0.01, false, 0.20),
				bet(two, 3.0, 0.40, 0.01, false, Double.NaN));

		BetStats stats = BetStats.of(bets);

		assertThat(stats.bets()).isEqualTo(3);
		assertThat(stats.matches()).isEqualTo(2);
		// +1 − 1 − 1 over 3 units
		assertThat(stats.roi().mean()).isCloseTo(-1.0 / 3, within(1e-12));
		// (0.02 · 1 − 0.01 − 0.01) / 0.04
		assertThat(stats.kellyRoi().mean()).isCloseTo(0, within(1e-12));
		// 2.0 · 0.55 − 1 = 0.10 and 4.0 · 0.20 − 1 = −0.20; the third has no closing price
		assertThat(stats.clvBets()).isEqualTo(2);
		assertThat(stats.clv().mean()).isCloseTo(-0.05, within(1e-12));
		assertThat(stats.hitRate()).isCloseTo(1.0 / 3, within(1e-12));
		assertThat(stats.modelProbability()).isCloseTo(1.25 / 3, within(1e-12));
		assertThat(stats.shortfall().mean()).isCloseTo(1.0 / 3 - 1.25 / 3, within(1e-12));
	}

	@Test
	void intervalsHoldTheirEstimateAndAreTheSameOnEveryRun() {
		List<Bet> bets = new java.util.ArrayList<>();
		for (int i = 0; i < 200; i++) {
			bets.add(bet(match(2020), 2.0, 0.52, 0.01, i % 2 == 0, 0.5));
		}

		BetStats stats = BetStats.of(bets);

		assertThat(stats.roi().mean()).isCloseTo(0, within(1e-12));
		assertThat(stats.roi().low()).isLessThan(0);
		assertThat(stats.roi().high()).isGreaterThan(0);
		// a coin at even money over 200 bets: the 95% interval is about ±14%
		assertThat(stats.roi().high() - stats.roi().low()).isBetween(0.2, 0.35);
		assertThat(BetStats.of(bets)).isEqualTo(stats);
	}

	@Test
	void twoBetsOnOneMatchAreResampledTogether() {
		// every match carries a winning and a losing bet: resampled by match, the return never moves
		List<Bet> bets = new java.util.ArrayList<>();
		for (int i = 0; i < 50; i++) {
			Prediction match = match(2020);
			bets.add(bet(match, 2.0, 0.5, 0.01, true, 0.5));
			bets.add(bet(match, 2.0, 0.5, 0.01, false, 0.5));
		}

		BetStats stats = BetStats.of(bets);

		assertThat(stats.roi().low()).isCloseTo(0, within(1e-12));
		assertThat(stats.roi().high()).isCloseTo(0, within(1e-12));
	}

	@Test
	void noBetsIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> BetStats.of(List.of()));
	}

	@Test
	void withoutAnyClosingPriceThereIsNoClosingLineValue() {
		assertThat(BetStats.of(List.of(bet(match(2020), 2.0, 0.55, 0.02, true, Double.NaN))).clv()).isNull();
	}
}
