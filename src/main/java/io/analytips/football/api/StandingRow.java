package io.analytips.football.api;

/** One row of a league table ({@code form} may be null early in a season). */
public record StandingRow(int rank, TeamRef team, int points, int goalsDiff, String group, String form, int played,
		int win, int draw, int lose, int goalsFor, int goalsAgainst, String description) {
}
