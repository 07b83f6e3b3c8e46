package io.analytips.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A fixture's margin-free 1X2 probabilities as seen before kick-off.
 *
 * @param fixtureId API-Football's fixture id
 * @param home probability of a home win, in (0, 1)
 * @param draw probability of a draw, in (0, 1)
 * @param away probability of an away win, in (0, 1)
 * @param bookmaker whose prices they were
 * @param observedAt when the prices were read, before {@code kickoff}
 * @param kickoff the fixture's kick-off
 */
public record MarketPrice(long fixtureId, double home, double draw, double away, String bookmaker, Instant observedAt,
		Instant kickoff) {

	public MarketPrice {
		Objects.requireNonNull(bookmaker, "bookmaker");
		Objects.requireNonNull(observedAt, "observedAt");
		Objects.requireNonNull(kickoff, "kickoff");
		for (double p : new double[] { home, draw, away }) {
			if (!(p > 0 && p < 1)) {
				throw new IllegalArgumentException("probabilities must be in (0, 1): " + home + "/" + draw + "/" + away);
			}
		}
		if (!observedAt.isBefore(kickoff)) {
			throw new IllegalArgumentException("prices seen at " + observedAt + " are not before kick-off " + kickoff);
		}
	}
}
