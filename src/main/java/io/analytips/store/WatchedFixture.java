package io.analytips.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A fixture somebody follows, as last read from API-Football.
 *
 * @param status API-Football's short status ({@code NS}, {@code FT}, {@code PST}, …)
 * @param homeGoals null until it starts
 * @param resultAt when its end (or cancellation) was seen and its alerts written; null while it is watched
 */
public record WatchedFixture(long fixtureId, int leagueId, int season, long homeId, long awayId, String homeName,
		String awayName, Instant kickoff, String status, Integer homeGoals, Integer awayGoals, Instant resultAt) {

	public WatchedFixture {
		Objects.requireNonNull(homeName, "homeName");
		Objects.requireNonNull(awayName, "awayName");
		Objects.requireNonNull(kickoff, "kickoff");
		Objects.requireNonNull(status, "status");
	}
}
