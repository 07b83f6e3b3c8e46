package io.analytips.football.analysis;

import java.util.Objects;

/**
 * A 0–100 summary of how good a team looks from its table line, with the three parts it blends,
 * each in [0, 1].
 *
 * @param score the blended score, 0 (worst) to 100 (best)
 * @param standingComponent table position: 1 for first, 0 for last
 * @param goalDifferenceComponent goal difference per game through a logistic, 0.5 for level
 * @param formComponent points from the last five results over the points available
 */
public record QualityScore(int score, double standingComponent, double goalDifferenceComponent,
		double formComponent) {

	/** Table position is the steadiest signal over a season, so it weighs most. */
	static final double STANDING_WEIGHT = 0.4;

	/** Goal difference per game: less noisy than points, but says nothing about the last month. */
	static final double GOAL_DIFFERENCE_WEIGHT = 0.3;

	/** Recent form: noisy over five matches, but the only part that sees a change of coach or injuries. */
	static final double FORM_WEIGHT = 0.3;

	/** The logistic's slope, {@code ln(0.85 / 0.15)}, so +1 goal a game maps to 0.85 and -1 to 0.15. */
	static final double GOAL_DIFFERENCE_SLOPE = Math.log(0.85 / 0.15);

	/** Form looks at this many latest results. */
	static final int FORM_LENGTH = 5;

	private static final QualityScore UNKNOWN = new QualityScore(50, 0.5, 0.5, 0.5);

	public QualityScore {
		if (score < 0 || score > 100) {
			throw new IllegalArgumentException("score must be in [0, 100]: " + score);
		}
	}

	/**
	 * Scores a table line: 40% standing {@code 1 - (rank - 1) / (teams - 1)}, 30% goal difference
	 * per game through a logistic (+1.0 a game gives 0.85), 30% form (W = 3, D = 1 over the last
	 * five, divided by 3 per result; no form counts 0.5). A team that has not played scores 50 with
	 * every part at 0.5, and so does the only team of a one-team table for its standing.
	 */
	public static QualityScore of(TeamStanding s) {
		Objects.requireNonNull(s, "s");
		if (s.played() == 0) {
			return UNKNOWN;
		}
		double standing = s.teams() == 1 ? 0.5 : 1 - (double) (s.rank() - 1) / (s.teams() - 1);
		double perGame = (double) s.goalDifference() / s.played();
		double goalDifference = 1 / (1 + Math.exp(-GOAL_DIFFERENCE_SLOPE * perGame));
		double form = form(s.form());
		double blend = STANDING_WEIGHT * standing + GOAL_DIFFERENCE_WEIGHT * goalDifference + FORM_WEIGHT * form;
		return new QualityScore((int) Math.round(100 * blend), standing, goalDifference, form);
	}

	/**
	 * Points over the latest (up to five) results divided by the points they could have given, so
	 * two wins from two early in a season count as full form rather than 6/15.
	 */
	static double form(String form) {
		if (form == null) {
			return 0.5;
		}
		int points = 0;
		int results = 0;
		for (int i = form.length() - 1; i >= 0 && results < FORM_LENGTH; i--) {
			switch (Character.toUpperCase(form.charAt(i))) {
				case 'W' -> {
					points += 3;
					results++;
				}
				case 'D' -> {
					points += 1;
					results++;
				}
				case 'L' -> results++;
				default -> {
					// not a result (API separators and the like)
				}
			}
		}
		return results == 0 ? 0.5 : points / (3.0 * results);
	}
}
