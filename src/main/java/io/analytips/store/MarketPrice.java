package io.analytips.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A fixture's margin-free 1X2 probabilities, and over 2.5 goals where priced, as seen before kick-off.
 *
 * @param fixtureId API-Football's fixture id
 * @param home probability of a home win, in (0, 1)
 * @param draw probability of a draw, in (0, 1)
 * @param away probability of an away win, in (0, 1)
 * @param over25 probability of over 2.5 goals, in (0, 1), or {@code null} when the bookmaker priced no 2.5 line
 * @param bookmaker whose prices they were
 * @param observedAt when the prices were read, before {@code kickoff}
 * @param kickoff the fixture's kick-off
 */
public record MarketPrice(long fixtureId, double home, double draw, double away, Double over25, String bookmaker,
		Instant observedAt, Instant kickoff) {

	/** Prices without totals. */
	public MarketPrice(long fixtureId, double home, double draw, double away, String bookmaker, Instant observedAt,
			Instant kickoff) {
		this(fixtureId, home, draw, away, null, bookmaker, observedAt, kickoff);
	}

	public MarketPrice {
		Objects.requireNonNull(bookmaker, "bookmaker");
		Objects.requireNonNull(observedAt, "observedAt");
		Objects.requireNonNull(kickoff, "kickoff");
		for (double p : new double[] { home, draw, away }) {
			if (!(p > 0 && p < 1)) {
				throw new IllegalArgumentException("probabilities must be in (0, 1): " + home + "/" + draw + "/" + away);
			}
		}
		if (over25 != null && !(over25 > 0 && over25 < 1)) {
			throw new IllegalArgumentException("over 2.5 probability must be in (0, 1): " + over25);
		}
		if (!observedAt.isBefore(kickoff)) {
			throw new IllegalArgumentException("prices seen at " + observedAt + " are not before kick-off " + kickoff);
		}
	}
}
