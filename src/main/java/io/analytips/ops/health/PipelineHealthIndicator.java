package io.analytips.ops.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import io.analytips.pipeline.QueueStats;
import io.analytips.host.BotHost;
import io.analytips.host.BotState;
import io.analytips.host.HostedBot;
import io.analytips.pipeline.UpdatePipeline;
import io.analytips.telegram.OutboundStats;
import io.analytips.telegram.SourceStatus;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * The pipelines' health (part of readiness): UP while at least one bot takes updates (receiving, or a standby that
 * takes over the lead) and the inbox is writable; a bot whose token Telegram refused shows in {@code bots} with its
 * state and leaves the others ready. The top-level details are the first bot's (a single-bot deployment's as
 * before): intake, queue, outbound scheduler, the source's last error.
 */
final class PipelineHealthIndicator implements ReactiveHealthIndicator {

	private final BotHost host;

	/**
	 * Unfinished inbox rows as last counted in the background
	 * ({@link io.analytips.ops.metrics.InboxBacklogGauge}); -1 when they cannot be counted. Read, not
	 * queried: readiness probes come every few seconds.
	 */
	private final LongSupplier backlog;

	PipelineHealthIndicator(BotHost host, LongSupplier backlog) {
		this.host = host;
		this.backlog = backlog;
	}

	@Override
	public Mono<Health> health() {
		return Mono.fromSupplier(() -> {
			List<HostedBot> bots = host.bots();
			if (bots.isEmpty()) {
				return Health.down().withDetail("intake", "no bot runs").withDetail("inboxBacklog", backlog.getAsLong()).build();
			}
			boolean anyUp = bots.stream().anyMatch(PipelineHealthIndicator::takesUpdates);
			boolean inboxFailing = bots.stream().anyMatch(bot -> bot.pipeline().inboxFailing());
			Health.Builder health = anyUp && !inboxFailing ? Health.up() : Health.down();
			HostedBot first = bots.get(0);
			UpdatePipeline pipeline = first.pipeline();
			SourceStatus source = pipeline.source().status();
			QueueStats queue = pipeline.stats();
			OutboundStats out = first.outbound().stats();
			boolean standby = pipeline.isRunning() && !pipeline.leading();
			health.withDetail("intake", standby ? "standby" : source.state().name().toLowerCase(Locale.ROOT))
				.withDetail("intakeSince", source.since().toString())
				.withDetail("inboxWritable", !inboxFailing)
				.withDetail("queue", queue(queue))
				.withDetail("outbound", Map.of("pending", out.pending(), "pausedChats", out.pausedChats(),
						"globalPaused", out.globalPaused()))
				.withDetail("inboxBacklog", backlog.getAsLong());
			if (source.lastError() != null) {
				health.withDetail("lastError", source.lastError());
			}
			if (first.state() == BotState.UNAUTHORIZED) {
				health.withDetail("telegram", "token rejected: " + first.problem());
			}
			Map<String, Object> each = new LinkedHashMap<>();
			for (HostedBot bot : bots) {
				each.put(bot.username(), summary(bot));
			}
			return health.withDetail("bots", each).build();
		});
	}

	/** Whether the bot takes updates: receiving, or a standby ready to take over. */
	static boolean takesUpdates(HostedBot bot) {
		UpdatePipeline pipeline = bot.pipeline();
		return bot.state() == BotState.RUNNING && pipeline.isRunning()
				&& (!pipeline.leading() || pipeline.source().status().isHealthy());
	}

	private static Map<String, Object> summary(HostedBot bot) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("state", bot.state().name().toLowerCase(Locale.ROOT));
		UpdatePipeline pipeline = bot.pipeline();
		boolean standby = pipeline.isRunning() && !pipeline.leading();
		summary.put("intake", standby ? "standby" : pipeline.source().status().state().name().toLowerCase(Locale.ROOT));
		summary.put("queue", queue(pipeline.stats()));
		summary.put("outboundPending", bot.outbound().stats().pending());
		if (bot.problem() != null) {
			summary.put("problem", bot.problem());
		}
		return summary;
	}

	private static Map<String, Object> queue(QueueStats queue) {
		return Map.of("size", queue.size(), "capacity", queue.capacity(), "utilisationPercent",
				queue.utilisationPercent(), "full", queue.full(), "inFlight", queue.inFlight(), "rejected",
				queue.rejected());
	}
}
