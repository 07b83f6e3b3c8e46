package io.analytips.replica.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What one heartbeat writes for this process.
 *
 * @param id the replica's id
 * @param incarnation this process's random token: tells apart two processes given the same id
 * @param startedAt when this process started
 * @param version the build it runs; null when unknown
 * @param leadsPolling whether it polls Telegram now
 */
public record ReplicaBeat(String id, UUID incarnation, Instant startedAt, String version, boolean leadsPolling) {

	public ReplicaBeat {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(incarnation, "incarnation");
		Objects.requireNonNull(startedAt, "startedAt");
	}
}
