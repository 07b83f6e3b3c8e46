package io.analytips.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.analytips.football.api.QuotaStatus;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.CacheStats;
import io.analytips.football.cache.FootballCache;
import io.analytips.pipeline.QueueStats;
import io.analytips.pipeline.UpdatePipeline;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.OutboundStats;
import io.analytips.telegram.SourceStatus;

/** The admin {@code /status}: the queue, the intake, the outbound scheduler, the breaker, the limiter, the quota, the cache, uptime. */
final class StatusReport {

	/** Looked up when rendering: the pipeline holds the handlers, this report is read by one of them. */
	private final Supplier<UpdatePipeline> pipeline;

	private final OutboundScheduler outbound;

	private final ResilientApiFootball api;

	private final FootballCache cache;

	private final Instant started;

	StatusReport(Supplier<UpdatePipeline> pipeline, OutboundScheduler outbound, ResilientApiFootball api, FootballCache cache,
			Instant started) {
		this.pipeline = pipeline;
		this.outbound = outbound;
		this.api = api;
		this.cache = cache;
		this.started = started;
	}

	/** The same figures as data, for the admin API ({@code GET /admin/status}). */
	Map<String, Object> snapshot(Instant now) {
		QueueStats queue = pipeline.get().stats();
		SourceStatus source = pipeline.get().source().status();
		OutboundStats out = outbound.stats();
		QuotaStatus quota = api.quota();
		CacheStats cached = cache.stats();
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("uptimeSeconds", Duration.between(started, now).toSeconds());
		status.put("intake", Map.of("state", source.state().name().toLowerCase(Locale.ROOT), "since", source.since().toString(),
				"lastError", source.lastError() == null ? "" : source.lastError()));
		status.put("queue", Map.of("size", queue.size(), "capacity", queue.capacity(), "utilisationPercent",
				queue.utilisationPercent(), "full", queue.full(), "inFlight", queue.inFlight(), "rejected", queue.rejected()));
		status.put("outbound", Map.of("pending", out.pending(), "sent", out.sent(), "throttled", out.throttled(), "failed",
				out.failed(), "globalPaused", out.globalPaused()));
		status.put("breaker", Map.of("state", api.breaker().getState().name().toLowerCase(Locale.ROOT), "failureRatePercent",
				Math.max(0, api.breaker().getMetrics().getFailureRate())));
		status.put("rateLimiter", Map.of("availablePermissions", api.rateLimiter().getMetrics().getAvailablePermissions()));
		status.put("bulkhead", Map.of("available", api.bulkhead().available(), "capacity", api.bulkhead().capacity(),
				"waiting", api.bulkhead().waiting()));
		Map<String, Object> quotaStatus = new LinkedHashMap<>();
		quotaStatus.put("dailyRemaining", quota.dailyRemaining());
		quotaStatus.put("dailyLimit", quota.dailyLimit());
		quotaStatus.put("minuteRemaining", quota.minuteRemaining());
		quotaStatus.put("stoppedUntil", quota.exhaustedUntil() == null ? null : quota.exhaustedUntil().toString());
		status.put("quota", quotaStatus);
		status.put("cache", Map.of("entries", cached.entries(), "memoryHits", cached.memoryHits(), "databaseHits",
				cached.databaseHits(), "upstreamCalls", cached.upstreamCalls(), "staleServed", cached.staleServed()));
		return status;
	}

	/** A monospaced block (HTML {@code <pre>}), the same in every language: operators read numbers. */
	String render(Instant now) {
		QueueStats queue = pipeline.get().stats();
		SourceStatus source = pipeline.get().source().status();
		OutboundStats out = outbound.stats();
		QuotaStatus quota = api.quota();
		CacheStats cached = cache.stats();
		Duration uptime = Duration.between(started, now);
		StringBuilder text = new StringBuilder("<b>Analytips status</b>\n<pre>");
		line(text, "uptime", String.format(Locale.ROOT, "%dd %02dh %02dm", uptime.toDays(), uptime.toHoursPart(),
				uptime.toMinutesPart()));
		line(text, "intake", source.state().name().toLowerCase(Locale.ROOT)
				+ (source.lastError() == null ? "" : " (last error: " + io.analytips.telegram.Html.escapeShort(source.lastError(), 80) + ")"));
		line(text, "queue", queue.size() + "/" + queue.capacity() + String.format(Locale.ROOT, " (%.0f%%%s)",
				queue.utilisationPercent(), queue.full() ? ", FULL" : ""));
		line(text, "in flight", String.valueOf(queue.inFlight()));
		line(text, "rejected", String.valueOf(queue.rejected()));
		line(text, "outbound", out.pending() + " pending, " + out.sent() + " sent, " + out.throttled() + " 429s, "
				+ out.failed() + " failed" + (out.globalPaused() ? ", PAUSED" : ""));
		line(text, "breaker", api.breaker().getState().name().toLowerCase(Locale.ROOT) + String.format(Locale.ROOT,
				" (failure rate %.0f%%)", Math.max(0, api.breaker().getMetrics().getFailureRate())));
		line(text, "rate limit", api.rateLimiter().getMetrics().getAvailablePermissions() + " calls left this minute");
		line(text, "bulkhead", api.bulkhead().available() + "/" + api.bulkhead().capacity() + " free, "
				+ api.bulkhead().waiting() + " waiting");
		line(text, "quota", (quota.dailyRemaining() < 0 ? "unknown" : quota.dailyRemaining() + "/" + quota.dailyLimit())
				+ (quota.exhaustedUntil() == null ? "" : " (stopped until " + quota.exhaustedUntil() + ")"));
		line(text, "cache", cached.entries() + " entries; " + cached.memoryHits() + " memory, " + cached.databaseHits()
				+ " db, " + cached.upstreamCalls() + " upstream, " + cached.staleServed() + " stale");
		return text.append("</pre>").toString();
	}

	private static void line(StringBuilder text, String name, String value) {
		text.append(String.format(Locale.ROOT, "%-11s %s%n", name, value));
	}
}
