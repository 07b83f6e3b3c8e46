package io.analytips.store;

import java.time.Instant;

/** An analysis as stored: who asked, for which fixture, what, when, and the numbers shown (JSON). */
public record StoredAnalysis(long id, long userId, long fixtureId, String kind, String home, String away,
		Instant kickoff, Instant createdAt, long dataAgeSeconds, String payload) {
}
