package io.analytips.follow;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Following teams and leagues ({@code analytips.follow.*}).
 *
 * @param beforeKickoff how long before kick-off the alert goes, unless the user chose otherwise
 *        ({@code ALERT_BEFORE_KICKOFF}, 60 minutes)
 * @param tick how often the leader looks for results and sends what is due
 * @param planEvery how often the alerts are planned again (moved kick-offs, postponements), besides at once after a
 *        follow; each plan reads today's and tomorrow's fixtures from the cache, calling API-Football only for a copy
 *        older than {@link #PLANNER_TODAY_MAX_AGE} (today) or {@link #PLANNER_TOMORROW_MAX_AGE} (tomorrow)
 * @param lateAfter a pre-kick-off alert found later than this after it was due is dropped (its moment has passed)
 * @param resultsFrom how long after kick-off the result watch starts reading a fixture (a match lasts about 105
 *        minutes with half time)
 * @param resultsEvery how often a fixture not yet over is read again, 20 to a call
 * @param claim how many due alerts are claimed at a time (the most that could go twice after a crash)
 */
@Validated
@ConfigurationProperties("analytips.follow")
public record FollowProperties(@NotNull Duration beforeKickoff, @NotNull Duration tick, @NotNull Duration planEvery,
		@NotNull Duration lateAfter, @NotNull Duration resultsFrom, @NotNull Duration resultsEvery,
		@Min(1) @Max(1000) int claim) {

	/** The planner's today's fixtures may be this old: kick-offs rarely move, and a visit refreshes them anyway. */
	public static final Duration PLANNER_TODAY_MAX_AGE = Duration.ofHours(3);

	/** Tomorrow's, this old. */
	public static final Duration PLANNER_TOMORROW_MAX_AGE = Duration.ofHours(12);

	public FollowProperties {
		if (beforeKickoff.isNegative() || beforeKickoff.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException("ALERT_BEFORE_KICKOFF must be between 0 and 24h (was " + beforeKickoff + ")");
		}
		if (tick.isNegative() || tick.isZero()) {
			throw new IllegalArgumentException("analytips.follow.tick must be positive (was " + tick + ")");
		}
	}

	/** The defaults, for tests. */
	public static FollowProperties defaults() {
		return new FollowProperties(Duration.ofMinutes(60), Duration.ofSeconds(15), Duration.ofMinutes(10),
				Duration.ofMinutes(10), Duration.ofMinutes(105), Duration.ofMinutes(2), 50);
	}
}
