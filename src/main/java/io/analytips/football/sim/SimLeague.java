package io.analytips.football.sim;

import java.time.LocalDate;
import java.util.List;

/**
 * One league of the simulated world: the season being replayed, the historical matchday that
 * plays "today", and every match of the bundled seasons moved by the same offset.
 */
record SimLeague(int id, String name, String country, int season, LocalDate replayedDay, long offsetDays,
		List<SimFixture> fixtures, List<SimTeam> teams) {

	/** The replayed season's fixtures. */
	List<SimFixture> seasonFixtures() {
		return fixtures.stream().filter(f -> f.match().season() == season).toList();
	}
}
