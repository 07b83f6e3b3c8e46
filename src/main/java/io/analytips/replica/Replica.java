package io.analytips.replica;

import java.time.Instant;

/**
 * A replica of the bot as its heartbeat row says ({@code replicas}).
 *
 * @param id the replica's id ({@code REPLICA_ID}, else {@code HOSTNAME}, else generated)
 * @param startedAt when its process started (its own clock)
 * @param seenAt its last heartbeat (the database's clock)
 * @param version the build it runs, e.g. {@code 0.1.0-SNAPSHOT (2ad7e43)}; null when unknown
 * @param leadsPolling whether it said, with that heartbeat, that it polls Telegram
 */
public record Replica(String id, Instant startedAt, Instant seenAt, String version, boolean leadsPolling) {
}
