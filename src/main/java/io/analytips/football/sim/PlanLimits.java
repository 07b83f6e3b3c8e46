package io.analytips.football.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A plan's daily and per-minute limits as the simulator enforces them: the day is the UTC day (API-Football
 * resets quotas at 00:00 UTC), the minute a clock minute. Only calls that are let through count: the real
 * API's refusals (429, {@code errors.requests}) are not known to count, and counting them would only make
 * the simulator harsher. Thread-safe; never blocks for long.
 */
final class PlanLimits {

	/** What a call may do. */
	enum Verdict {
		ALLOWED, MINUTE_SPENT, DAY_SPENT
	}

	private final Clock clock;

	private final long perDay;

	private final long perMinute;

	private LocalDate day;

	private long usedToday;

	private Instant minute;

	private long usedThisMinute;

	PlanLimits(Clock clock, long perDay, long perMinute) {
		this.clock = clock;
		this.perDay = perDay;
		this.perMinute = perMinute;
	}

	/** Counts one call if the plan allows it. */
	synchronized Verdict count() {
		roll();
		if (usedToday >= perDay) {
			return Verdict.DAY_SPENT;
		}
		if (usedThisMinute >= perMinute) {
			return Verdict.MINUTE_SPENT;
		}
		usedToday++;
		usedThisMinute++;
		return Verdict.ALLOWED;
	}

	long perDay() {
		return perDay;
	}

	long perMinute() {
		return perMinute;
	}

	synchronized long usedToday() {
		roll();
		return usedToday;
	}

	synchronized long usedThisMinute() {
		roll();
		return usedThisMinute;
	}

	private void roll() {
		Instant now = clock.instant();
		LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
		if (!today.equals(day)) {
			day = today;
			usedToday = 0;
		}
		Instant thisMinute = now.truncatedTo(ChronoUnit.MINUTES);
		if (!thisMinute.equals(minute)) {
			minute = thisMinute;
			usedThisMinute = 0;
		}
	}
}
