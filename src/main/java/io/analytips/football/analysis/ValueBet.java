package io.analytips.football.analysis;

import java.util.Objects;

import static io.analytips.football.analysis.Probabilities.requireProbability;

/**
 * A price the model thinks is too long.
 *
 * @param market the market, e.g. {@code "1X2"}, {@code "goals"}, {@code "btts"}
 * @param selection the outcome, e.g. {@code "home"}, {@code "over 2.5"}, {@code "yes"}
 * @param odds the bookmaker's decimal odds
 * @param fairProbability the bookmaker's probability with the margin removed (power method)
 * @param modelProbability the model's probability
 * @param edge expected return of a unit stake, {@code modelProbability · odds - 1}
 * @param stake quarter-Kelly fraction of bankroll, at most 2%, 0 without an edge
 * @param confidence how far to trust the model here
 */
public record ValueBet(String market, String selection, double odds, double fairProbability,
		double modelProbability, double edge, double stake, Confidence confidence) {

	public ValueBet {
		Objects.requireNonNull(market, "market");
		Objects.requireNonNull(selection, "selection");
		Objects.requireNonNull(confidence, "confidence");
		requireProbability(fairProbability, "fairProbability");
		requireProbability(modelProbability, "modelProbability");
	}
}
