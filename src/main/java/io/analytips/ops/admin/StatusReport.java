package io.analytips.ops.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.analytips.football.api.QuotaStatus;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.CacheStats;
import io.analytips.football.cache.FootballCache;
import io.analytips.pipeline.QueueStats;
import io.analytips.follow.AlertStatus;
import io.analytips.host.BotHost;
import io.analytips.host.BotState;
import io.analytips.host.HostedBot;
import io.analytips.replica.Replica;
import io.analytips.replica.Replicas;
import io.analytips.telegram.OutboundStats;
import io.analytips.telegram.SourceStatus;
import reactor.core.publisher.Mono;

/**
 * The admin {@code /status}: the queue, the intake, the outbound scheduler, the breaker, the limiter, the quota,
 * the cache, uptime, and the live replicas (read from the database when asked; null or "unknown" when it cannot
 * be read).
 */
final class StatusReport {

	/** Looked up when rendering: the host's bots hold the handlers, this report is read by one of them. */
	private final Supplier<BotHost> host;

	private final ResilientApiFootball api;

	private final FootballCache cache;

	private final Replicas replicas;

	private final Instant started;

	/** Where following stands, read from the database when asked. */
	private final Supplier<Mono<AlertStatus>> alerts;

	StatusReport(Supplier<BotHost> host, ResilientApiFootball api, FootballCache cache, Replicas replicas,
			Instant started) {
		this(host, api, cache, replicas, started, Mono::empty);
	}

	StatusReport(Supplier<BotHost> host, ResilientApiFootball api, FootballCache cache, Replicas replicas,
			Instant started, Supplier<Mono<AlertStatus>> alerts) {
		this.alerts = alerts;
		this.host = host;
		this.api = api;
		this.cache = cache;
		this.replicas = replicas;
		this.started = started;
	}

	/**
	 * The live replicas, or empty when the database cannot be read: the rest of the status is worth showing
	 * without them.
	 */
	private Mono<Optional<List<Replica>>> liveReplicas() {
		return replicas.live().map(Optional::of).onErrorResume(error -> Mono.just(Optional.empty()));
	}

	/** Where following stands, or empty when the database cannot be read. */
	private Mono<Optional<AlertStatus>> alertStatus() {
		return Mono.defer(alerts).map(Optional::of).defaultIfEmpty(Optional.empty())
			.onErrorResume(error -> Mono.just(Optional.empty()));
	}

	/**
	 * {@link #snapshot} with the live replicas as the database lists them now, and the followers and alerts
	 * ({@code alerts}: null when they cannot be read). Never errors.
	 */
	Mono<Map<String, Object>> snapshotWithReplicas(Instant now) {
		return Mono.zip(liveReplicas(), alertStatus()).map(both -> {
			Map<String, Object> status = snapshot(now, both.getT1().orElse(null));
			status.put("alerts", both.getT2().map(StatusReport::alerts).orElse(null));
			return status;
		});
	}

	/** {@link #render} with the live replicas as the database lists them now, and a line on the alerts. Never errors. */
	Mono<String> renderWithReplicas(Instant now) {
		return Mono.zip(liveReplicas(), alertStatus()).map(both -> {
			String text = render(now, both.getT1().orElse(null));
			String alertsLine = both.getT2().map(status -> String.format(Locale.ROOT, "%-11s %d followers (%d reachable); "
					+ "%d pending, %d sent, %d dropped, %d failed%n", "alerts", status.followers(), status.reachable(),
					status.alerts("pending") + status.alerts("sending"), status.alerts("sent"), status.alerts("dropped"),
					status.alerts("failed"))).orElse(String.format(Locale.ROOT, "%-11s unknown%n", "alerts"));
			return text.replace("</pre>", alertsLine + "</pre>");
		});
	}

	private static Map<String, Object> alerts(AlertStatus status) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("followers", status.followers());
		view.put("reachable", status.reachable());
		view.put("byState", new java.util.TreeMap<>(status.alerts()));
		return view;
	}

	/** One replica as data: id, whether it is this one, started, last seen, whether it leads polling, version. */
	private Map<String, Object> replica(Replica replica) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", replica.id());
		view.put("self", replica.id().equals(replicas.id()));
		view.put("startedAt", replica.startedAt().toString());
		view.put("seenAt", replica.seenAt().toString());
		view.put("leadsPolling", replica.leadsPolling());
		view.put("version", replica.version());
		return view;
	}

	/**
	 * The same figures as data, for the admin API ({@code GET /admin/status}), with the live replicas
	 * ({@code live}; null when the database could not be read, which {@code replicas} then says with null).
	 */
	Map<String, Object> snapshot(Instant now, List<Replica> live) {
		List<HostedBot> bots = host.get().bots();
		QueueStats queue = bots.isEmpty() ? new QueueStats(0, 0, 0, 0, 0) : bots.get(0).pipeline().stats();
		SourceStatus source = bots.isEmpty() ? new SourceStatus(SourceStatus.State.IDLE, now, "no bot runs", null)
				: bots.get(0).pipeline().source().status();
		OutboundStats out = outboundOf(bots);
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
		status.put("bots", bots.stream().map(StatusReport::bot).toList());
		status.put("breaker", Map.of("state", api.breaker().getState().name().toLowerCase(Locale.ROOT), "failureRatePercent",
				Math.max(0, api.breaker().getMetrics().getFailureRate())));
		status.put("rateLimiter", Map.of("availablePermissions", api.minuteCallsLeft()));
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
		status.put("replica", replicas.id());
		status.put("replicas", live == null ? null : live.stream().map(this::replica).toList());
		return status;
	}

	/** The first bot's outbound scheduler (a single-bot deployment's), or nothing sent. */
	private static OutboundStats outboundOf(List<HostedBot> bots) {
		return bots.isEmpty() ? new OutboundStats(0, 0, 0, 0, 0, 0, 0, false) : bots.get(0).outbound().stats();
	}

	/** One hosted bot as data: who, its state, where its updates stand. */
	private static Map<String, Object> bot(HostedBot bot) {
		Map<String, Object> view = new LinkedHashMap<>();
		QueueStats queue = bot.pipeline().stats();
		OutboundStats out = bot.outbound().stats();
		view.put("username", bot.username());
		view.put("id", bot.profile().id());
		view.put("state", bot.state().name().toLowerCase(Locale.ROOT));
		view.put("origin", bot.origin().name().toLowerCase(Locale.ROOT));
		view.put("mode", bot.webhook() != null ? "webhook" : "polling");
		view.put("intake", bot.pipeline().source().status().state().name().toLowerCase(Locale.ROOT));
		view.put("queue", Map.of("size", queue.size(), "capacity", queue.capacity(), "inFlight", queue.inFlight(),
				"rejected", queue.rejected()));
		view.put("outbound", Map.of("pending", out.pending(), "sent", out.sent(), "throttled", out.throttled(), "failed",
				out.failed(), "globalPaused", out.globalPaused()));
		view.put("problem", bot.problem());
		return view;
	}

	/**
	 * A monospaced block (HTML {@code <pre>}), the same in every language: operators read numbers. {@code live}:
	 * the live replicas, null when the database could not be read.
	 */
	String render(Instant now, List<Replica> live) {
		List<HostedBot> bots = host.get().bots();
		QueueStats queue = bots.isEmpty() ? new QueueStats(0, 0, 0, 0, 0) : bots.get(0).pipeline().stats();
		SourceStatus source = bots.isEmpty() ? new SourceStatus(SourceStatus.State.IDLE, now, "no bot runs", null)
				: bots.get(0).pipeline().source().status();
		OutboundStats out = outboundOf(bots);
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
		if (bots.size() > 1 || bots.stream().anyMatch(bot -> bot.state() != BotState.RUNNING)) {
			line(text, "bots", bots.size() + " hosted");
			bots.forEach(bot -> text.append(String.format(Locale.ROOT, "  @%s %s, queue %d/%d, %d rejected, %d sent%s%n",
					io.analytips.telegram.Html.escapeShort(bot.username(), 64), bot.state().name().toLowerCase(Locale.ROOT),
					bot.pipeline().stats().size(), bot.pipeline().stats().capacity(), bot.pipeline().stats().rejected(),
					bot.outbound().stats().sent(), bot.problem() == null ? ""
							: " (" + io.analytips.telegram.Html.escapeShort(bot.problem(), 80) + ")")));
		}
		line(text, "breaker", api.breaker().getState().name().toLowerCase(Locale.ROOT) + String.format(Locale.ROOT,
				" (failure rate %.0f%%)", Math.max(0, api.breaker().getMetrics().getFailureRate())));
		line(text, "rate limit", api.minuteCallsLeft() + " calls left this minute");
		line(text, "bulkhead", api.bulkhead().available() + "/" + api.bulkhead().capacity() + " free, "
				+ api.bulkhead().waiting() + " waiting");
		line(text, "quota", (quota.dailyRemaining() < 0 ? "unknown" : quota.dailyRemaining() + "/" + quota.dailyLimit())
				+ (quota.exhaustedUntil() == null ? "" : " (stopped until " + quota.exhaustedUntil() + ")"));
		line(text, "cache", cached.entries() + " entries; " + cached.memoryHits() + " memory, " + cached.databaseHits()
				+ " db, " + cached.upstreamCalls() + " upstream, " + cached.staleServed() + " stale");
		if (live == null) {
			line(text, "replicas", "unknown (the database could not be read); this is " + replicas.id());
		}
		else {
			line(text, "replicas", live.size() + " live");
			// One line each, "*" marking the one answering: id, lead, start and last heartbeat (UTC, to the second).
			live.forEach(replica -> text.append(String.format(Locale.ROOT, "  %s%s %s, started %s, seen %s, %s%n",
					io.analytips.telegram.Html.escapeShort(replica.id(), 64), replica.id().equals(replicas.id()) ? "*" : "",
					replica.leadsPolling() ? "polls" : "standby", replica.startedAt().truncatedTo(ChronoUnit.SECONDS),
					replica.seenAt().truncatedTo(ChronoUnit.SECONDS),
					replica.version() == null ? "version unknown" : io.analytips.telegram.Html.escapeShort(replica.version(), 40))));
		}
		return text.append("</pre>").toString();
	}

	private static void line(StringBuilder text, String name, String value) {
		text.append(String.format(Locale.ROOT, "%-11s %s%n", name, value));
	}
}
