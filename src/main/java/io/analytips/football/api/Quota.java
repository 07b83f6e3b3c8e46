package io.analytips.football.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quota bookkeeping: reads the rate-limit headers of every answer, and stops calls until
 * 00:00 UTC (when API-Football resets daily quotas) once the quota is spent or only the reserve
 * is left, so that the last requests are not burnt by a retry storm.
 */
final class Quota {

	private static final Logger log = LoggerFactory.getLogger(Quota.class);

	private final Clock clock;

	private final int reserve;

	private volatile QuotaStatus status = QuotaStatus.UNKNOWN;

	Quota(Clock clock, int reserve) {
		this.clock = clock;
		this.reserve = reserve;
	}

	QuotaStatus status() {
		QuotaStatus current = status;
		if (current.exhaustedUntil() != null && !clock.instant().isBefore(current.exhaustedUntil())) {
			current = new QuotaStatus(current.dailyLimit(), -1, current.minuteLimit(), current.minuteRemaining(), null);
			status = current;
		}
		return current;
	}

	/** Fails fast while stopped; the call never reaches API-Football. */
	void check() {
		Instant until = status().exhaustedUntil();
		if (until != null) {
			throw new ApiFootballException(ApiFootballException.Kind.QUOTA_EXHAUSTED,
					"API-Football daily quota spent; calls resume at " + until);
		}
	}

	void record(RawResponse response) {
		QuotaStatus old = status;
		long dailyLimit = number(response.header("x-ratelimit-requests-limit"), old.dailyLimit());
		long dailyRemaining = number(response.header("x-ratelimit-requests-remaining"), old.dailyRemaining());
		long minuteLimit = number(response.header("X-RateLimit-Limit"), old.minuteLimit());
		long minuteRemaining = number(response.header("X-RateLimit-Remaining"), old.minuteRemaining());
		Instant until = old.exhaustedUntil();
		if (dailyRemaining >= 0 && dailyRemaining <= reserve && until == null) {
			until = nextReset();
			log.warn("API-Football quota down to {} requests (reserve {}): serving cached data until {}", dailyRemaining,
					reserve, until);
		}
		status = new QuotaStatus(dailyLimit, dailyRemaining, minuteLimit, minuteRemaining, until);
	}

	/** {@code errors.requests}: the daily quota is spent. */
	void exhausted() {
		QuotaStatus old = status;
		if (old.exhaustedUntil() == null) {
			log.warn("API-Football daily quota spent: serving cached data until {}", nextReset());
		}
		status = new QuotaStatus(old.dailyLimit(), 0, old.minuteLimit(), old.minuteRemaining(), nextReset());
	}

	private Instant nextReset() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static long number(String header, long otherwise) {
		if (header == null) {
			return otherwise;
		}
		try {
			return Long.parseLong(header.strip());
		}
		catch (NumberFormatException ex) {
			return otherwise;
		}
	}
}
