package io.analytips.football.api;

import java.time.Instant;
import java.util.Set;

/**
 * A fixture. Goals are null until it starts; {@code status} is API-Football's short code.
 */
public record Fixture(long id, Instant kickoff, String status, Integer elapsed, LeagueRef league, TeamRef home,
		TeamRef away, Integer homeGoals, Integer awayGoals, String venue, String referee) {

	private static final Set<String> FINISHED = Set.of("FT", "AET", "PEN");

	private static final Set<String> LIVE = Set.of("1H", "HT", "2H", "ET", "BT", "P", "SUSP", "INT", "LIVE");

	private static final Set<String> UPCOMING = Set.of("NS", "TBD");

	public boolean isFinished() {
		return FINISHED.contains(status);
	}

	public boolean isLive() {
		return LIVE.contains(status);
	}

	public boolean isUpcoming() {
		return UPCOMING.contains(status);
	}
}
