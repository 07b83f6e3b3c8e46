package io.analytips.football.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WeightedSampleTest {

	private static final LocalDate AS_OF = LocalDate.of(2025, 8, 1);

	/** 2-1 on 6 and 4 shots, 0-0 on 3 and 2, and 3-0 with no shot counts: 3 goals on 15 shots, 0.2 a shot. */
	private static final List<MatchResult> RESULTS = List.of(
			new MatchResult(1, 2, 2, 1, AS_OF.minusDays(3), null, new ShotCounts(6, 4)),
			new MatchResult(2, 3, 0, 0, AS_OF.minusDays(2), null, new ShotCounts(3, 2)),
			new MatchResult(3, 1, 3, 0, AS_OF.minusDays(1)));

	private static final FitOptions HALF_SHOTS = new FitOptions(0, 730, 5, false, 0, 0.5);

	@Test
	void theLeaguesGoalsPerShotCountsOnlyTheResultsWithShots() {
		assertThat(WeightedSample.goalsPerShot(RESULTS)).isCloseTo(0.2, within(1e-12));
		assertThat(WeightedSample.goalsPerShot(List.of(RESULTS.get(2)))).isNaN();
	}

	@Test
	void theGoalsPartBlendsTheScoreWithTheShotsTimesTheLeaguesGoalsPerShot() {
		WeightedSample sample = WeightedSample.of(RESULTS, AS_OF, HALF_SHOTS);

		// 0.5 · 2 + 0.5 · 0.2 · 6 = 1.6 and 0.5 · 1 + 0.5 · 0.2 · 4 = 0.9
		assertThat(sample.homeGoals[0]).isCloseTo(1.6, within(1e-12));
		assertThat(sample.awayGoals[0]).isCloseTo(0.9, within(1e-12));
		assertThat(sample.homeGoals[1]).isCloseTo(0.3, within(1e-12));
		assertThat(sample.awayGoals[1]).isCloseTo(0.2, within(1e-12));
		// no shot counts: the score alone
		assertThat(sample.homeGoals[2]).isEqualTo(3);
		assertThat(sample.awayGoals[2]).isZero();
		// ρ still sees the scores as played
		assertThat(sample.homeScore[0]).isEqualTo(2);
	}

	@Test
	void withPricesTheShotBlendTakesOnlyTheScoresShare() {
		List<MatchResult> priced = List.of(
				new MatchResult(1, 2, 2, 1, AS_OF.minusDays(3), new ExpectedGoals(1.5, 1.0), new ShotCounts(6, 4)),
				RESULTS.get(1));

		WeightedSample sample = WeightedSample.of(priced, AS_OF, new FitOptions(0, 730, 5, false, 0.8, 0.5));

		// 0.2 · (0.5 · 2 + 0.5 · 0.2 · 6) + 0.8 · 1.5 = 0.32 + 1.2
		assertThat(sample.homeGoals[0]).isCloseTo(1.52, within(1e-12));
		// 0.2 · (0.5 · 1 + 0.5 · 0.2 · 4) + 0.8 · 1.0 = 0.18 + 0.8
		assertThat(sample.awayGoals[0]).isCloseTo(0.98, within(1e-12));
	}

	@Test
	void theGoalsPerShotReadsNoResultOnOrAfterTheFitDate() {
		List<MatchResult> withLater = new ArrayList<>(RESULTS);
		withLater.add(new MatchResult(1, 3, 9, 0, AS_OF, null, new ShotCounts(1, 0)));
		withLater.add(new MatchResult(2, 1, 0, 9, AS_OF.plusDays(4), null, new ShotCounts(0, 1)));

		WeightedSample sample = WeightedSample.of(withLater, AS_OF, HALF_SHOTS);

		assertThat(sample.size()).isEqualTo(3);
		assertThat(sample.homeGoals).containsExactly(WeightedSample.of(RESULTS, AS_OF, HALF_SHOTS).homeGoals);
		assertThat(sample.homeGoals[0]).isCloseTo(1.6, within(1e-12));
	}
}
