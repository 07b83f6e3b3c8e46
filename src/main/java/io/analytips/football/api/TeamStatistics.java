package io.analytips.football.api;

/** The part of {@code /teams/statistics} the bot reads: totals for the season so far. */
public record TeamStatistics(TeamRef team, String form, int played, int wins, int draws, int loses, int goalsFor,
		int goalsAgainst, double goalsForAverage, double goalsAgainstAverage, int cleanSheets, int failedToScore) {
}
