package io.analytips.football.api;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import io.analytips.common.HttpClients;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * API-Football settings ({@code analytips.football.*}; environment names in application.yml).
 *
 * @param url {@code API_FOOTBALL_URL}: an http(s) URL
 * @param key {@code API_FOOTBALL_KEY}, sent as {@code x-apisports-key}
 * @param ratePerMinute {@code API_FOOTBALL_RATE_PER_MINUTE}: the plan's per-minute limit, enforced client-side
 * @param timeout the response timeout of one attempt
 * @param maxConcurrentCalls the bulkhead: calls in flight at once
 * @param retryAttempts attempts in all, for transient failures (1 = no retry)
 * @param retryFirstBackoff the first wait; then doubled, with up to 10% jitter
 * @param breakerFailureRatePercent failure rate that opens the circuit breaker
 * @param breakerWindow calls in the breaker's sliding window
 * @param breakerMinimumCalls calls before the failure rate is judged
 * @param breakerOpenFor how long an open breaker fails fast before a half-open probe
 * @param quotaReserve daily requests kept in reserve: below it, calls fail as quota exhausted
 * @param timezone the users' time zone: what "today" means
 * @param leagues {@code API_FOOTBALL_LEAGUES}: the leagues offered, in menu order (API-Football's league ids)
 * @param cornerSample recent finished matches per team read for corner statistics
 * @param backgroundQuotaShare {@code API_FOOTBALL_BACKGROUND_SHARE}: the most background work (the market sweep)
 *        may spend of the plan's daily quota, in percent; users keep the rest ({@link QuotaPlanner})
 * @param memoryCacheSize the memory tier's bound, in characters of the answers' JSON (about 6 bytes of heap
 *        each once parsed, see docs/performance.md)
 */
@Validated
@ConfigurationProperties("analytips.football")
public record ApiFootballProperties(@NotNull URI url, String key, @Min(1) int ratePerMinute, @NotNull Duration timeout,
		@Min(1) int maxConcurrentCalls, @Min(1) int retryAttempts, @NotNull Duration retryFirstBackoff,
		@Min(1) int breakerFailureRatePercent, @Min(1) int breakerWindow, @Min(1) int breakerMinimumCalls,
		@NotNull Duration breakerOpenFor, @Min(0) int quotaReserve, @NotNull ZoneId timezone,
		List<@Positive(message = "must be API-Football league ids like 71,39") Integer> leagues,
		@Min(0) int cornerSample, @Min(0) @Max(100) int backgroundQuotaShare, @NotNull DataSize memoryCacheSize) {

	public ApiFootballProperties {
		if (url != null && !HttpClients.isHttpUrl(url)) {
			throw new IllegalArgumentException("API_FOOTBALL_URL must be an http(s) URL like https://v3.football.api-sports.io"
					+ " (was \"" + url + "\")");
		}
		leagues = leagues == null ? List.of() : List.copyOf(leagues);
	}

	/** Whether a key was given; outside the demo a missing key stops start-up. */
	public boolean hasKey() {
		return key != null && !key.isBlank();
	}
}
