package io.analytips.football.api;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.util.unit.DataSize;

/** API-Football settings for tests. */
public final class ApiTestSupport {

	private ApiTestSupport() {
	}

	/** Production-like settings (5 attempts, 1 s first backoff, breaker 50% of 10 after 5) with a high rate limit. */
	public static ApiFootballProperties properties(String url, String key) {
		return properties(url, key, 5, 5);
	}

	public static ApiFootballProperties properties(String url, String key, int attempts, int breakerMinimumCalls) {
		return properties(url, key, attempts, breakerMinimumCalls, 10_000);
	}

	/** The free plan's client side: 10 calls a minute, otherwise the defaults of application.yml. */
	public static ApiFootballProperties freePlan(String url, String key) {
		return properties(url, key, 5, 5, 10);
	}

	private static ApiFootballProperties properties(String url, String key, int attempts, int breakerMinimumCalls,
			int ratePerMinute) {
		return new ApiFootballProperties(URI.create(url), key, ratePerMinute, Duration.ofSeconds(10), 10, attempts,
				Duration.ofSeconds(1), 50, Math.max(breakerMinimumCalls, 10), breakerMinimumCalls, Duration.ofSeconds(30), 5,
				ZoneId.of("America/Sao_Paulo"), List.of(39, 71), 5, 30, DataSize.ofMegabytes(64));
	}

	/** {@code properties} with another share of the daily quota for background work. */
	public static ApiFootballProperties withBackgroundShare(ApiFootballProperties p, int percent) {
		return new ApiFootballProperties(p.url(), p.key(), p.ratePerMinute(), p.timeout(), p.maxConcurrentCalls(),
				p.retryAttempts(), p.retryFirstBackoff(), p.breakerFailureRatePercent(), p.breakerWindow(),
				p.breakerMinimumCalls(), p.breakerOpenFor(), p.quotaReserve(), p.timezone(), p.leagues(), p.cornerSample(),
				percent, p.memoryCacheSize());
	}
}
