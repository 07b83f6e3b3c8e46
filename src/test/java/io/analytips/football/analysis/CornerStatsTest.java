package io.analytips.football.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CornerStatsTest {

	@Test
	void averagesEachTeamsRecentMatchesWithTheirNumberAsTheSample() {
		// home: won (6 + 3) / 2 = 4.5, conceded (2 + 5) / 2 = 3.5; away: won 7, conceded 1, one match
		CornerStats stats = CornerStats.fromRecent(List.of(new CornerCount(6, 2), new CornerCount(3, 5)),
				List.of(new CornerCount(7, 1))).orElseThrow();

		assertThat(stats.homeWonAvg()).isCloseTo(4.5, within(1e-12));
		assertThat(stats.homeConcededAvg()).isCloseTo(3.5, within(1e-12));
		assertThat(stats.homeSample()).isEqualTo(2);
		assertThat(stats.awayWonAvg()).isCloseTo(7, within(1e-12));
		assertThat(stats.awayConcededAvg()).isCloseTo(1, within(1e-12));
		assertThat(stats.awaySample()).isEqualTo(1);
	}

	@Test
	void aTeamWithoutMatchesHasAnEmptySampleThatThePriorFills() {
		CornerStats stats = CornerStats.fromRecent(List.of(), List.of(new CornerCount(4, 4))).orElseThrow();

		assertThat(stats.homeSample()).isZero();
		assertThat(stats.homeWonAvg()).isZero();
		assertThat(CornerMarkets.from(stats, CornerPriors.DEFAULT).expectedTotal()).isPositive();
	}

	@Test
	void neitherTeamHavingPlayedGivesNoRecord() {
		assertThat(CornerStats.fromRecent(List.of(), List.of())).isEmpty();
	}

	@Test
	void rejectsNegativeCounts() {
		assertThatThrownBy(() -> new CornerCount(-1, 3)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("-1");
	}
}
