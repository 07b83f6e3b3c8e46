package io.analytips.football.analysis;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class TeamRatingTest {

	/** Team 1 scores more and concedes less than average; team 2 the opposite; team 3 is average. */
	private static final ScoreModel MODEL = new ScoreModel(Math.log(1.2), 0.3, -0.05,
			Map.of(1L, new TeamStrength(0.3, -0.3, 30), 2L, new TeamStrength(-0.3, 0.3, 30), 3L, new TeamStrength(0, 0, 30)));

	@Test
	void aLeagueAverageTeamRatesFifty() {
		TeamRating average = TeamRating.of(MODEL, 3);

		assertThat(average.score()).isEqualTo(50);
		assertThat(average.goalsFor()).isCloseTo(average.goalsAgainst(), within(1e-12));
	}

	@Test
	void ratingsFollowTheFittedStrengthsAndIgnoreWhereTheTeamPlays() {
		TeamRating strong = TeamRating.of(MODEL, 1);
		TeamRating weak = TeamRating.of(MODEL, 2);

		assertThat(strong.score()).isGreaterThan(50);
		assertThat(weak.score()).isLessThan(50);
		// mirror-image strengths rate symmetrically around 50
		assertThat(strong.score() + weak.score()).isEqualTo(100);
		// neutral ground: half the home advantage for each side
		assertThat(strong.goalsFor()).isCloseTo(Math.exp(Math.log(1.2) + 0.3 + 0.15), within(1e-12));
	}

	@Test
	void theHigherRatedSideIsTheFavouriteOnNeutralGroundSoTheScreenTellsOneStory() {
		TeamRating strong = TeamRating.of(MODEL, 1);
		TeamRating weak = TeamRating.of(MODEL, 2);
		// at the weak side's home the home advantage narrows the gap but the ratings stay as they are
		OneXTwo atWeak = Markets.from(ScoreMatrix.dixonColes(MODEL.expectedGoals(2, 1), MODEL.rho())).result();

		assertThat(strong.score()).isGreaterThan(weak.score());
		assertThat(atWeak.away()).isGreaterThan(atWeak.home());
	}

	@Test
	void rejectsAScoreOutsideTheScale() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TeamRating(101, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new TeamRating(-1, 1, 1));
	}
}
