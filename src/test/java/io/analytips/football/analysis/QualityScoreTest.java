package io.analytips.football.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class QualityScoreTest {

	@Test
	void leaderWinningEverythingScoresAtLeastNinety() {
		// 0.4 · 1 + 0.3 · logistic(2 · 1.734601) + 0.3 · 15/15 = 0.4 + 0.3 · 0.969799 + 0.3 = 0.990940 → 99
		QualityScore score = QualityScore.of(new TeamStanding(1, 20, 10, 30, 20, "WWWWW"));

		assertThat(score.score()).isGreaterThanOrEqualTo(90).isEqualTo(99);
	}

	@Test
	void bottomTeamLosingEverythingScoresAtMostTen() {
		// 0.4 · 0 + 0.3 · logistic(-2 · 1.734601) + 0.3 · 0 = 0.3 · 0.030201 = 0.009060 → 1
		QualityScore score = QualityScore.of(new TeamStanding(20, 20, 10, 0, -20, "LLLLL"));

		assertThat(score.score()).isLessThanOrEqualTo(10).isEqualTo(1);
	}

	@Test
	void midTableTeamBlendsTheThreeParts() {
		QualityScore score = QualityScore.of(new TeamStanding(8, 20, 10, 15, 3, "WDLWD"));

		// standing 1 - 7/19 = 0.631579
		assertThat(score.standingComponent()).isCloseTo(0.631579, within(1e-6));
		// GD 0.3 a game: 1 / (1 + e^(-1.734601 · 0.3)) = 1 / (1 + 0.594294) = 0.627237
		assertThat(score.goalDifferenceComponent()).isCloseTo(0.627237, within(1e-6));
		// form 3 + 1 + 0 + 3 + 1 = 8 of 15 = 0.533333
		assertThat(score.formComponent()).isCloseTo(0.533333, within(1e-6));
		// 0.4 · 0.631579 + 0.3 · 0.627237 + 0.3 · 0.533333 = 0.252632 + 0.188171 + 0.160000 = 0.600803 → 60
		assertThat(score.score()).isEqualTo(60);
	}

	@Test
	void oneGoalAGameMapsToEightyFivePercent() {
		QualityScore score = QualityScore.of(new TeamStanding(5, 20, 12, 20, 12, ""));

		assertThat(score.goalDifferenceComponent()).isCloseTo(0.85, within(1e-12));
	}

	@Test
	void missingFormCountsAsHalf() {
		assertThat(QualityScore.of(new TeamStanding(5, 20, 12, 20, 0, null)).formComponent()).isEqualTo(0.5);
		assertThat(QualityScore.of(new TeamStanding(5, 20, 12, 20, 0, "")).formComponent()).isEqualTo(0.5);
	}

	@Test
	void formReadsOnlyTheLatestFiveResults() {
		// most recent last: the leading LLL fall outside the five
		assertThat(QualityScore.form("LLLWWWWW")).isEqualTo(1.0);
		// two results early in a season: 4 points of 6
		assertThat(QualityScore.form("WD")).isCloseTo(4.0 / 6, within(1e-12));
	}

	@Test
	void teamThatHasNotPlayedScoresFiftyEverywhere() {
		QualityScore score = QualityScore.of(new TeamStanding(1, 20, 0, 0, 0, null));

		assertThat(score).isEqualTo(new QualityScore(50, 0.5, 0.5, 0.5));
	}

	@Test
	void rejectsARankOutsideTheTable() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TeamStanding(21, 20, 10, 0, 0, null))
			.withMessageContaining("rank");
	}
}
