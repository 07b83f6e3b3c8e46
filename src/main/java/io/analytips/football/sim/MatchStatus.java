package io.analytips.football.sim;

import java.time.Duration;
import java.time.Instant;

import io.analytips.football.sim.data.HistoricalMatch;

/**
 * Where a simulated fixture stands at an instant, as API-Football reports it: not started before
 * kick-off; then 45 minutes of first half, 15 of half-time and 45 of second half; finished, with
 * its real result, from kick-off + 105 minutes on.
 *
 * @param phase the status
 * @param elapsed the minute of play API-Football reports: null before kick-off, 0 to 45 in the
 *        first half (minutes begun), 45 at half-time, 46 to 90 in the second half, 90 once finished
 */
record MatchStatus(Phase phase, Integer elapsed) {

	/** API-Football's statuses a simulated match goes through, with its short and long names. */
	enum Phase {

		NOT_STARTED("NS", "Not Started"), FIRST_HALF("1H", "First Half, Kick Off"), HALF_TIME("HT", "Halftime"),
		SECOND_HALF("2H", "Second Half, 2nd Half Started"), FINISHED("FT", "Match Finished");

		final String shortName;

		final String longName;

		Phase(String shortName, String longName) {
			this.shortName = shortName;
			this.longName = longName;
		}
	}

	static final Duration HALF = Duration.ofMinutes(45);

	static final Duration BREAK = Duration.ofMinutes(15);

	/** Kick-off to the second half's start, which {@code periods.second} reports. */
	static final Duration SECOND_HALF_AFTER = HALF.plus(BREAK);

	/** Kick-off to full time: the match is FT from then on. */
	static final Duration FULL_TIME_AFTER = SECOND_HALF_AFTER.plus(HALF);

	static final MatchStatus NOT_STARTED = new MatchStatus(Phase.NOT_STARTED, null);

	static final MatchStatus FINISHED = new MatchStatus(Phase.FINISHED, 90);

	/** The status at {@code now} of a match kicking off at {@code kickoff}. */
	static MatchStatus at(Instant kickoff, Instant now) {
		if (now.isBefore(kickoff)) {
			return NOT_STARTED;
		}
		Duration played = Duration.between(kickoff, now);
		if (played.compareTo(HALF) < 0) {
			return new MatchStatus(Phase.FIRST_HALF, minutesBegun(played));
		}
		if (played.compareTo(SECOND_HALF_AFTER) < 0) {
			return new MatchStatus(Phase.HALF_TIME, 45);
		}
		if (played.compareTo(FULL_TIME_AFTER) < 0) {
			// the second half's first minute is the 46th, as on a match clock
			return new MatchStatus(Phase.SECOND_HALF, 45 + Math.max(1, minutesBegun(played.minus(SECOND_HALF_AFTER))));
		}
		return FINISHED;
	}

	/** 0 at the very instant, 1 during the first minute, 45 during the 45th. */
	private static int minutesBegun(Duration played) {
		long minute = Duration.ofMinutes(1).toNanos();
		return (int) ((played.toNanos() + minute - 1) / minute); // under two hours: no overflow
	}

	boolean started() {
		return phase != Phase.NOT_STARTED;
	}

	boolean finished() {
		return phase == Phase.FINISHED;
	}

	/** From half-time on the half-time score is known (the data has no minute of each goal). */
	boolean pastHalfTime() {
		return phase == Phase.HALF_TIME || phase == Phase.SECOND_HALF || phase == Phase.FINISHED;
	}

	boolean inSecondHalfOrLater() {
		return phase == Phase.SECOND_HALF || phase == Phase.FINISHED;
	}

	/** The home side's goals so far: null before kick-off; see {@link #awayGoals}. */
	Integer homeGoals(HistoricalMatch match) {
		return goals(match.homeGoals(), match.halftimeHome());
	}

	/**
	 * The away side's goals so far: null before kick-off, 0 in the first half, the half-time score
	 * from half-time on (0 when the data has none, as for the Série A), the result once finished.
	 */
	Integer awayGoals(HistoricalMatch match) {
		return goals(match.awayGoals(), match.halftimeAway());
	}

	private Integer goals(int fullTime, Integer halfTime) {
		if (!started()) {
			return null;
		}
		if (finished()) {
			return fullTime;
		}
		return pastHalfTime() && halfTime != null ? halfTime : 0;
	}
}
