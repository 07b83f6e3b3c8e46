package io.analytips.football.cache;

/**
 * Where answers came from since start, and what the memory tier holds.
 *
 * @param memoryHits fresh answers from memory
 * @param databaseHits fresh answers from PostgreSQL (after a restart, or evicted from memory)
 * @param upstreamCalls answers fetched from API-Football
 * @param sharedCalls requests that joined an identical call already in flight
 * @param staleServed stale copies served because API-Football failed
 * @param failures loads that failed with no copy to serve (each logged at WARN)
 * @param entries answers held in memory
 * @param jsonChars what they weigh: the characters of their JSON, against the memory tier's bound
 * @param abandoned loads cancelled because every request waiting for them had gone
 * @param inFlight loads running now
 */
public record CacheStats(long memoryHits, long databaseHits, long upstreamCalls, long sharedCalls, long staleServed,
		long failures, long entries, long jsonChars, long abandoned, long inFlight) {
}
