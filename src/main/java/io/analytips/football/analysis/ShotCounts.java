package io.analytips.football.analysis;

/**
 * A match's count of chances for each side, which the fit may read as evidence of strength beside the goals
 * ({@link FitOptions#shotsWeight()}): shots on target, or any count that grows with the goals a side deserved
 * (all shots, corners).
 *
 * @param home the home side's count, at least 0
 * @param away the away side's count, at least 0
 */
public record ShotCounts(int home, int away) {

	public ShotCounts {
		if (home < 0 || away < 0) {
			throw new IllegalArgumentException("shot counts must be >= 0: " + home + "-" + away);
		}
	}
}
