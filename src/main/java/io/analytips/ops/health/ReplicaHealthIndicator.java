package io.analytips.ops.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.analytips.replica.Replicas;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * Which replica answers ({@code replica} in {@code /actuator/health}, not part of readiness): its id,
 * whether it leads the polling, its version, and how its heartbeat goes. Always UP: a failing heartbeat
 * means the database is failing, which the {@code r2dbc} indicator already reports (and readiness with it).
 * Read from memory, never from the database: probes come every few seconds.
 */
final class ReplicaHealthIndicator implements ReactiveHealthIndicator {

	private final Replicas replicas;

	ReplicaHealthIndicator(Replicas replicas) {
		this.replicas = replicas;
	}

	@Override
	public Mono<Health> health() {
		return Mono.fromSupplier(() -> {
			Replicas.HeartbeatStatus heartbeat = replicas.heartbeatStatus();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("id", replicas.id());
			details.put("leadsPolling", replicas.leadsPolling());
			details.put("version", replicas.version() == null ? "unknown" : replicas.version());
			details.put("startedAt", replicas.startedAt().toString());
			details.put("lastHeartbeat", heartbeat.lastHeartbeat() == null ? "none yet" : heartbeat.lastHeartbeat().toString());
			if (heartbeat.problem() != null) {
				details.put("heartbeatProblem", heartbeat.problem());
			}
			return Health.up().withDetails(details).build();
		});
	}
}
