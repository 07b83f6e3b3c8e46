package io.analytips.football.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import io.analytips.football.sim.MatchStatus.Phase;
import io.analytips.football.sim.data.HistoricalMatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A match's 105 minutes: first half, half-time, second half, then its real result. */
class MatchStatusTest {

	private static final Instant KICKOFF = Instant.parse("2026-11-23T15:00:00Z");

	/** Fulham 1-4 Wolves, 1-1 at half-time (Premier League, 23 November 2024). */
	private static final HistoricalMatch FULHAM_WOLVES = match(1, 4, 1, 1);

	/** A Série A match: the data has no half-time score. */
	private static final HistoricalMatch NO_HALF_TIME = match(2, 1, null, null);

	private static HistoricalMatch match(int home, int away, Integer halftimeHome, Integer halftimeAway) {
		return new HistoricalMatch(39, 2024, LocalDateTime.parse("2024-11-23T15:00:00"), "Fulham", "Wolves", home, away,
				halftimeHome, halftimeAway, null, null, List.of(), null, "Regular Season - 12");
	}

	private static MatchStatus after(String duration) {
		return MatchStatus.at(KICKOFF, KICKOFF.plus(Duration.parse(duration)));
	}

	@Test
	void isNotStartedBeforeKickOffWithoutGoals() {
		MatchStatus status = MatchStatus.at(KICKOFF, KICKOFF.minusNanos(1));
		assertThat(status).isEqualTo(new MatchStatus(Phase.NOT_STARTED, null));
		assertThat(status.homeGoals(FULHAM_WOLVES)).isNull();
		assertThat(status.awayGoals(FULHAM_WOLVES)).isNull();
	}

	@Test
	void playsTheFirstHalfForFortyFiveMinutesAtNilNil() {
		assertThat(MatchStatus.at(KICKOFF, KICKOFF)).isEqualTo(new MatchStatus(Phase.FIRST_HALF, 0));
		assertThat(after("PT1S")).isEqualTo(new MatchStatus(Phase.FIRST_HALF, 1));
		assertThat(after("PT30M")).isEqualTo(new MatchStatus(Phase.FIRST_HALF, 30));
		assertThat(after("PT44M59S")).isEqualTo(new MatchStatus(Phase.FIRST_HALF, 45));
		assertThat(after("PT30M").homeGoals(FULHAM_WOLVES)).isZero();
		assertThat(after("PT30M").awayGoals(FULHAM_WOLVES)).isZero();
	}

	@Test
	void restsFifteenMinutesAtHalfTimeShowingTheHalfTimeScore() {
		assertThat(after("PT45M")).isEqualTo(new MatchStatus(Phase.HALF_TIME, 45));
		assertThat(after("PT59M59S")).isEqualTo(new MatchStatus(Phase.HALF_TIME, 45));
		assertThat(after("PT50M").homeGoals(FULHAM_WOLVES)).isEqualTo(1);
		assertThat(after("PT50M").awayGoals(FULHAM_WOLVES)).isEqualTo(1);
	}

	@Test
	void playsTheSecondHalfFromTheFortySixthMinuteToTheNinetieth() {
		assertThat(after("PT60M")).isEqualTo(new MatchStatus(Phase.SECOND_HALF, 46));
		assertThat(after("PT60M1S")).isEqualTo(new MatchStatus(Phase.SECOND_HALF, 46));
		assertThat(after("PT70M30S")).isEqualTo(new MatchStatus(Phase.SECOND_HALF, 56));
		assertThat(after("PT104M59S")).isEqualTo(new MatchStatus(Phase.SECOND_HALF, 90));
		assertThat(after("PT90M").homeGoals(FULHAM_WOLVES)).isEqualTo(1);
		assertThat(after("PT90M").awayGoals(FULHAM_WOLVES)).isEqualTo(1);
	}

	@Test
	void isFinishedWithTheRealResultFromAHundredAndFiveMinutesOn() {
		assertThat(after("PT105M")).isEqualTo(MatchStatus.FINISHED).isEqualTo(new MatchStatus(Phase.FINISHED, 90));
		assertThat(after("PT105M").homeGoals(FULHAM_WOLVES)).isEqualTo(1);
		assertThat(after("PT105M").awayGoals(FULHAM_WOLVES)).isEqualTo(4);
		assertThat(after("P3D").finished()).isTrue();
	}

	@Test
	void staysNilNilUntilFullTimeWhenTheDataHasNoHalfTimeScore() {
		assertThat(after("PT50M").homeGoals(NO_HALF_TIME)).isZero();
		assertThat(after("PT90M").awayGoals(NO_HALF_TIME)).isZero();
		assertThat(after("PT105M").homeGoals(NO_HALF_TIME)).isEqualTo(2);
		assertThat(after("PT105M").awayGoals(NO_HALF_TIME)).isEqualTo(1);
	}
}
