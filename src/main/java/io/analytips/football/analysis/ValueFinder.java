package io.analytips.football.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Compares model probabilities with a bookmaker's prices, selection by selection. */
public final class ValueFinder {

	/**
	 * Beyond this gap between model and margin-free market probability, a model error is more
	 * likely than value (the market is the better forecaster), so confidence drops a level.
	 */
	static final double DISAGREEMENT = 0.15;

	private ValueFinder() {
	}

	/**
	 * Every selection of one market, in the order given, with its edge {@code p·o - 1} (negative where the price
	 * is short), quarter-Kelly stake capped at 2% (0 without an edge) and confidence: the model's price next to the
	 * market's, whatever a {@link ValueRule} makes of it. Fair probabilities come from {@link Margin#power}.
	 * Confidence is LOW under 8 matches of data, MEDIUM under 20, HIGH otherwise, and one level lower when model
	 * and fair probability differ by more than 0.15.
	 *
	 * @param market the market's name, copied into each bet
	 * @param selections the outcomes, in the order of {@code odds} and {@code modelProbabilities}
	 * @param odds the bookmaker's decimal odds for every outcome of the market
	 * @param modelProbabilities the model's probabilities, each in [0, 1]
	 * @param dataSize the smaller of the two teams' matches in the model
	 * @throws IllegalArgumentException if the arrays differ in length, or any odds are not above 1
	 */
	public static List<ValueBet> compare(String market, List<String> selections, double[] odds,
			double[] modelProbabilities, int dataSize) {
		Objects.requireNonNull(market, "market");
		Objects.requireNonNull(selections, "selections");
		Objects.requireNonNull(odds, "odds");
		Objects.requireNonNull(modelProbabilities, "modelProbabilities");
		if (selections.size() != odds.length || odds.length != modelProbabilities.length) {
			throw new IllegalArgumentException("selections, odds and modelProbabilities differ in length: "
					+ selections.size() + ", " + odds.length + ", " + modelProbabilities.length);
		}
		double[] fair = Margin.power(odds);
		Confidence base = Confidence.of(dataSize);
		List<ValueBet> bets = new ArrayList<>();
		for (int k = 0; k < odds.length; k++) {
			double p = modelProbabilities[k];
			Confidence confidence = Math.abs(p - fair[k]) > DISAGREEMENT ? base.lower() : base;
			bets.add(new ValueBet(market, selections.get(k), odds[k], fair[k], p, p * odds[k] - 1, Kelly.stake(p, odds[k]),
					confidence));
		}
		return List.copyOf(bets);
	}
}
