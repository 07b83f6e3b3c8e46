package io.analytips.football.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FitOptionsTest {

	private static final LocalDate AS_OF = LocalDate.of(2025, 8, 1);

	private static final ExpectedGoals PRICED = new ExpectedGoals(1.5, 1.1);

	@Test
	void rejectsAMarketWeightOutsideZeroToOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FitOptions(0.003, 730, 5, true, 1.5))
			.withMessageContaining("marketWeight");
		assertThatIllegalArgumentException().isThrownBy(() -> new FitOptions(0.003, 730, 5, true, -0.1));
		assertThatIllegalArgumentException().isThrownBy(() -> new FitOptions(0.003, 730, 5, true, Double.NaN));
	}

	@Test
	void rejectsAShotsWeightOutsideZeroToOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> FitOptions.MARKET.withShotsWeight(1.01))
			.withMessageContaining("shotsWeight must be between 0 and 1: 1.01");
		assertThatIllegalArgumentException().isThrownBy(() -> FitOptions.MARKET.withShotsWeight(-0.25));
		assertThatIllegalArgumentException().isThrownBy(() -> FitOptions.MARKET.withShotsWeight(Double.NaN));
	}

	@Test
	void theBotsOptionsReadNoShotsAndAShotsWeightChangesNothingElse() {
		assertThat(FitOptions.MARKET.shotsWeight()).isZero();
		assertThat(FitOptions.SCORES.shotsWeight()).isZero();
		assertThat(FitOptions.MARKET.withShotsWeight(0.5))
			.isEqualTo(new FitOptions(0.008, 730, 0.5, true, 0.8, 0.5));
	}

	@Test
	void usesTheMarketOptionsWhenMostOfLastYearsResultsHavePrices() {
		assertThat(FitOptions.forData(results(10, 8), AS_OF)).isEqualTo(FitOptions.MARKET);
		assertThat(FitOptions.forData(results(10, 10), AS_OF)).isEqualTo(FitOptions.MARKET);
	}

	@Test
	void usesTheScoresOptionsWhileFewResultsHavePrices() {
		assertThat(FitOptions.forData(results(10, 7), AS_OF)).isEqualTo(FitOptions.SCORES);
		assertThat(FitOptions.forData(List.of(), AS_OF)).isEqualTo(FitOptions.SCORES);
	}

	@Test
	void onlyLastYearsResultsDecide() {
		List<MatchResult> results = new ArrayList<>(results(10, 10));
		for (int i = 0; i < 50; i++) {
			// older than a year: no prices, but they do not count
			results.add(new MatchResult(1, 2, 1, 0, AS_OF.minusDays(400 + i)));
		}

		assertThat(FitOptions.forData(results, AS_OF)).isEqualTo(FitOptions.MARKET);
	}

	/** {@code count} results of the last weeks, the first {@code priced} of them with prices. */
	private static List<MatchResult> results(int count, int priced) {
		List<MatchResult> results = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			results.add(new MatchResult(1, 2, 1, 1, AS_OF.minusDays(1 + i), i < priced ? PRICED : null));
		}
		return results;
	}
}
