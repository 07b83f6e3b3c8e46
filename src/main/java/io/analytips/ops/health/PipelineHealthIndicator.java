package io.analytips.ops.health;

import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import io.analytips.pipeline.QueueStats;
import io.analytips.pipeline.UpdatePipeline;
import io.analytips.pipeline.UserTracker;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.OutboundStats;
import io.analytips.telegram.SourceStatus;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * The pipeline's health (part of readiness): DOWN while intake is not receiving (Telegram or the
 * database failing, intake stopped, or the token rejected), with the queue, the outbound scheduler
 * and the source's last error as details.
 */
final class PipelineHealthIndicator implements ReactiveHealthIndicator {

	private final UpdatePipeline pipeline;

	private final OutboundScheduler outbound;

	private final UserTracker users;

	/**
	 * Unfinished inbox rows as last counted in the background
	 * ({@link io.analytips.ops.metrics.InboxBacklogGauge}); -1 when they cannot be counted. Read, not
	 * queried: readiness probes come every few seconds.
	 */
	private final LongSupplier backlog;

	PipelineHealthIndicator(UpdatePipeline pipeline, OutboundScheduler outbound, UserTracker users,
			LongSupplier backlog) {
		this.pipeline = pipeline;
		this.outbound = outbound;
		this.users = users;
		this.backlog = backlog;
	}

	@Override
	public Mono<Health> health() {
		return Mono.fromSupplier(() -> {
			long inboxBacklog = backlog.getAsLong();
			SourceStatus source = pipeline.source().status();
			QueueStats queue = pipeline.stats();
			OutboundStats out = outbound.stats();
			// A standby (replicas) is ready: it serves webhook requests, status and admin, and takes over the lead.
			boolean standby = pipeline.isRunning() && !pipeline.leading();
			boolean up = pipeline.isRunning() && (standby || source.isHealthy()) && !pipeline.inboxFailing()
					&& users.unauthorizedError() == null;
			Health.Builder health = up ? Health.up() : Health.down();
			health.withDetail("intake", standby ? "standby" : source.state().name().toLowerCase(Locale.ROOT))
				.withDetail("intakeSince", source.since().toString())
				.withDetail("inboxWritable", !pipeline.inboxFailing())
				.withDetail("queue", Map.of("size", queue.size(), "capacity", queue.capacity(),
						"utilisationPercent", queue.utilisationPercent(), "full", queue.full(), "inFlight",
						queue.inFlight(), "rejected", queue.rejected()))
				.withDetail("outbound", Map.of("pending", out.pending(), "pausedChats", out.pausedChats(),
						"globalPaused", out.globalPaused()))
				.withDetail("inboxBacklog", inboxBacklog);
			if (source.lastError() != null) {
				health.withDetail("lastError", source.lastError());
			}
			if (users.unauthorizedError() != null) {
				health.withDetail("telegram", "token rejected: " + users.unauthorizedError().getMessage());
			}
			return health.build();
		});
	}
}
