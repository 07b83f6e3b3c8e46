package io.analytips.football.analysis;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A finished match, by team id.
 *
 * @param homeTeam the home team's id
 * @param awayTeam the away team's id, different from the home team's
 * @param homeGoals goals scored by the home team, at least 0
 * @param awayGoals goals scored by the away team, at least 0
 * @param date the day the match was played
 * @param market the expected goals the market's margin-free prices implied before kick-off
 *        ({@link ImpliedGoals#from}), or {@code null} when no prices were seen
 * @param shots each side's shots on target (or another count of chances), or {@code null} when unknown: the fit
 *        reads them only when {@link FitOptions#shotsWeight()} is above 0
 */
public record MatchResult(long homeTeam, long awayTeam, int homeGoals, int awayGoals, LocalDate date,
		ExpectedGoals market, ShotCounts shots) {

	/** A result without market prices: the fit learns from its score alone. */
	public MatchResult(long homeTeam, long awayTeam, int homeGoals, int awayGoals, LocalDate date) {
		this(homeTeam, awayTeam, homeGoals, awayGoals, date, null, null);
	}

	/** A result without shot counts. */
	public MatchResult(long homeTeam, long awayTeam, int homeGoals, int awayGoals, LocalDate date,
			ExpectedGoals market) {
		this(homeTeam, awayTeam, homeGoals, awayGoals, date, market, null);
	}

	public MatchResult {
		Objects.requireNonNull(date, "date");
		if (homeTeam == awayTeam) {
			throw new IllegalArgumentException("a team cannot play itself: " + homeTeam);
		}
		if (homeGoals < 0 || awayGoals < 0) {
			throw new IllegalArgumentException("goals must be >= 0: " + homeGoals + "-" + awayGoals);
		}
	}
}
