package io.analytips.football.analysis;

/**
 * A team's line in the league table.
 *
 * @param rank position in the table, 1 is top
 * @param teams teams in the league, at least {@code rank}
 * @param played matches played, at least 0
 * @param points points
 * @param goalDifference goals scored minus conceded
 * @param form recent results as {@code W}, {@code D} and {@code L}, most recent last (e.g.
 *        {@code "WWDLW"}); may be null or empty, and other characters are ignored
 */
public record TeamStanding(int rank, int teams, int played, int points, int goalDifference, String form) {

	public TeamStanding {
		if (rank < 1 || rank > teams) {
			throw new IllegalArgumentException("rank must be in [1, teams]: " + rank + " of " + teams);
		}
		if (played < 0) {
			throw new IllegalArgumentException("played must be >= 0: " + played);
		}
	}
}
