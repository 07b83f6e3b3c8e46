package io.analytips.store;

import java.time.Instant;

/**
 * An analysis as stored: who asked, for which fixture, what, when, the numbers shown (JSON) and the text read.
 *
 * @param html the analysis as the user read it (HTML, in the language it was shown in); null for analyses
 *        stored before the text was kept
 */
public record StoredAnalysis(long id, long userId, long fixtureId, String kind, String home, String away,
		Instant kickoff, Instant createdAt, long dataAgeSeconds, String payload, String html) {
}
