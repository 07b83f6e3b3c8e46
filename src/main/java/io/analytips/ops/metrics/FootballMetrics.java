package io.analytips.ops.metrics;

import java.util.function.ToLongFunction;

import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.CacheStats;
import io.analytips.football.cache.FootballCache;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * API-Football meters: the quota headers as gauges ({@code analytips.football.quota.*}), the
 * cache's sources, the bulkhead, and the circuit breaker and rate limiter through resilience4j-micrometer.
 */
final class FootballMetrics implements MeterBinder {

	private final ResilientApiFootball api;

	private final FootballCache cache;

	FootballMetrics(ResilientApiFootball api, FootballCache cache) {
		this.api = api;
		this.cache = cache;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("analytips.football.quota.daily.remaining", api, a -> a.quota().dailyRemaining())
			.description("x-ratelimit-requests-remaining: requests left today (-1 until seen)")
			.register(registry);
		Gauge.builder("analytips.football.quota.daily.limit", api, a -> a.quota().dailyLimit()).register(registry);
		Gauge.builder("analytips.football.quota.minute.remaining", api, a -> a.quota().minuteRemaining())
			.description("X-RateLimit-Remaining: requests left this minute (-1 until seen)")
			.register(registry);
		Gauge.builder("analytips.football.quota.exhausted", api, a -> a.quota().exhaustedUntil() == null ? 0 : 1)
			.register(registry);
		counter(registry, "memory", CacheStats::memoryHits);
		counter(registry, "database", CacheStats::databaseHits);
		counter(registry, "upstream", CacheStats::upstreamCalls);
		counter(registry, "shared", CacheStats::sharedCalls);
		counter(registry, "stale", CacheStats::staleServed);
		counter(registry, "failed", CacheStats::failures);
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(api.breakerRegistry()).bindTo(registry);
		Gauge.builder("analytips.football.rate.limit.available", api, ResilientApiFootball::minuteCallsLeft)
			.description("API-Football calls the client-side per-minute limit allows now")
			.register(registry);
		Gauge.builder("analytips.football.bulkhead.available", api, a -> a.bulkhead().available())
			.description("API-Football calls that may start now")
			.register(registry);
		Gauge.builder("analytips.football.bulkhead.waiting", api, a -> a.bulkhead().waiting())
			.description("API-Football calls waiting for a slot")
			.register(registry);
	}

	private void counter(MeterRegistry registry, String source, ToLongFunction<CacheStats> value) {
		FunctionCounter.builder("analytips.football.cache.requests", cache, c -> value.applyAsLong(c.stats()))
			.description("API-Football reads by where the answer came from")
			.tag("source", source)
			.register(registry);
	}
}
