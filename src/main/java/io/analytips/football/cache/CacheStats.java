package io.analytips.football.cache;

/**
 * Where answers came from since start.
 *
 * @param memoryHits fresh answers from memory
 * @param databaseHits fresh answers from PostgreSQL (after a restart, or evicted from memory)
 * @param upstreamCalls answers fetched from API-Football
 * @param sharedCalls requests that joined an identical call already in flight
 * @param staleServed stale copies served because API-Football failed
 * @param failures requests that failed with no copy to serve
 * @param entries answers held in memory
 */
public record CacheStats(long memoryHits, long databaseHits, long upstreamCalls, long sharedCalls, long staleServed,
		long failures, long entries) {
}
