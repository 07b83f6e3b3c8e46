package io.analytips.football.analysis;

/**
 * One team's corners in one past match.
 *
 * @param won corners the team won, at least 0
 * @param conceded corners its opponent won, at least 0
 */
public record CornerCount(int won, int conceded) {

	public CornerCount {
		if (won < 0 || conceded < 0) {
			throw new IllegalArgumentException("corner counts must be >= 0: " + won + ", " + conceded);
		}
	}
}
