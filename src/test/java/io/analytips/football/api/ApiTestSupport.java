package io.analytips.football.api;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** API-Football settings for tests. */
public final class ApiTestSupport {

	private ApiTestSupport() {
	}

	/** Production-like settings (5 attempts, 1 s first backoff, breaker 50% of 10 after 5) with a high rate limit. */
	public static ApiFootballProperties properties(String url, String key) {
		return properties(url, key, 5, 5);
	}

	public static ApiFootballProperties properties(String url, String key, int attempts, int breakerMinimumCalls) {
		return new ApiFootballProperties(URI.create(url), key, 10_000, Duration.ofSeconds(10), 10, attempts,
				Duration.ofSeconds(1), 50, Math.max(breakerMinimumCalls, 10), breakerMinimumCalls, Duration.ofSeconds(30), 5,
				ZoneId.of("America/Sao_Paulo"), List.of(39, 71), 5);
	}
}
