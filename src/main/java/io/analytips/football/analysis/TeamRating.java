package io.analytips.football.analysis;

/**
 * A team's strength as the goal model sees it, on a 0–100 scale: 100 × (P(win) + ½ P(draw)) against a
 * league-average team on neutral ground, so 50 is league average and the ratings of two teams tell the same story
 * as the match probabilities (which add home advantage). Derived from the fitted attack and defence that give the
 * probabilities, never from the table, so the screen cannot show a "stronger" side the model does not favour on
 * neutral ground.
 *
 * @param score the rating, 0 to 100
 * @param goalsFor expected goals scored against a league-average team on neutral ground
 * @param goalsAgainst expected goals conceded in that match
 */
public record TeamRating(int score, double goalsFor, double goalsAgainst) {

	public TeamRating {
		if (score < 0 || score > 100) {
			throw new IllegalArgumentException("score must be in [0, 100]: " + score);
		}
	}

	/** The team's rating in {@code model} (a team the fit has not seen rates as the model's unseen team). */
	public static TeamRating of(ScoreModel model, long team) {
		ExpectedGoals neutral = model.againstAverageOnNeutralGround(team);
		OneXTwo result = Markets.from(ScoreMatrix.dixonColes(neutral, model.rho())).result();
		int score = (int) Math.round(100 * (result.home() + result.draw() / 2));
		return new TeamRating(score, neutral.home(), neutral.away());
	}
}
