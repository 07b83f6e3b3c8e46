package io.analytips.ops.health;

import java.util.Locale;

import io.analytips.football.api.QuotaStatus;
import io.analytips.football.api.ResilientApiFootball;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * API-Football (not part of readiness: the bot still answers from its cache without it): UP, or
 * DEGRADED while the breaker is not closed or less than 10% of the daily quota is left (or none).
 */
final class ApiFootballHealthIndicator implements ReactiveHealthIndicator {

	/** Serving, but from cached data or close to it; answers HTTP 200. */
	static final Status DEGRADED = new Status("DEGRADED");

	private final ResilientApiFootball api;

	ApiFootballHealthIndicator(ResilientApiFootball api) {
		this.api = api;
	}

	@Override
	public Mono<Health> health() {
		return Mono.fromSupplier(() -> {
			CircuitBreaker.State breaker = api.breaker().getState();
			QuotaStatus quota = api.quota();
			boolean quotaLow = quota.exhaustedUntil() != null
					|| (quota.dailyLimit() > 0 && quota.dailyRemaining() >= 0 && quota.dailyRemaining() * 10 < quota.dailyLimit());
			boolean breakerClosed = breaker == CircuitBreaker.State.CLOSED || breaker == CircuitBreaker.State.DISABLED;
			Health.Builder health = Health.status(breakerClosed && !quotaLow ? Status.UP : DEGRADED)
				.withDetail("breaker", breaker.name().toLowerCase(Locale.ROOT))
				.withDetail("quotaDailyRemaining", quota.dailyRemaining())
				.withDetail("quotaDailyLimit", quota.dailyLimit());
			if (quota.exhaustedUntil() != null) {
				health.withDetail("quotaStoppedUntil", quota.exhaustedUntil().toString());
			}
			return health.build();
		});
	}
}
