package io.analytips.football.api;

import java.time.Instant;

/**
 * What API-Football last said about the quota (from its rate-limit headers), and whether calls
 * are stopped until the daily reset.
 *
 * @param dailyLimit {@code x-ratelimit-requests-limit}, or -1 when not seen yet
 * @param dailyRemaining {@code x-ratelimit-requests-remaining}, or -1
 * @param minuteLimit {@code X-RateLimit-Limit}, or -1
 * @param minuteRemaining {@code X-RateLimit-Remaining}, or -1
 * @param exhaustedUntil when calls may resume after {@code errors.requests} or the reserve was reached; null if not stopped
 */
public record QuotaStatus(long dailyLimit, long dailyRemaining, long minuteLimit, long minuteRemaining,
		Instant exhaustedUntil) {

	public static final QuotaStatus UNKNOWN = new QuotaStatus(-1, -1, -1, -1, null);
}
