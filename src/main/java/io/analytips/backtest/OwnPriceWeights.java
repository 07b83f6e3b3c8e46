package io.analytips.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import io.analytips.football.analysis.OwnPriceBlend;
import io.analytips.football.analysis.ScoringRules;
import io.analytips.football.sim.data.BookmakerOdds;

/**
 * Chooses how far a league's forecast leans on the fixture's own pre-match price, walk-forward: each season's weight
 * is the one of the grid 0, 0.05, …, 1 whose linear pool ({@link OwnPriceBlend}, the bot's code) has the lowest 1X2
 * RPS on the league's matches with a Pinnacle pre-closing price, from its first tuning season to the season before
 * (the smaller weight on a tie), so no season is judged with a weight chosen on itself; a season with no such match
 * before it is scored with the model alone. The bot's weight is the one chosen on every season up to the last
 * scored, and none where the league's data has no pre-closing price at all (the Série A's file). The same weight
 * pools the over 2.5 where the match has a pre-closing totals price.
 */
final class OwnPriceWeights {

	/** The grid's steps between 0 and 1: weights 0, 0.05, …, 1. */
	static final int STEPS = 20;

	private OwnPriceWeights() {
	}

	/**
	 * @param predictions the walk's predictions, pooled with their season's weight
	 * @param weights the weight each season was pooled with, by season
	 * @param latest the weight chosen on every season from the first tuning season to the last: the bot's; empty where
	 *        none of those seasons has a pre-closing price to choose it on
	 */
	record Result(List<Prediction> predictions, Map<Integer, Double> weights, OptionalDouble latest) {
	}

	/** Pools every prediction with its season's weight, chosen on the predictions of seasons {@code tuningFrom} on. */
	static Result walkForward(List<Prediction> predictions, int tuningFrom) {
		Map<Integer, Double> weights = new TreeMap<>();
		List<Prediction> pooled = new ArrayList<>();
		for (Prediction p : predictions) {
			double weight = weights.computeIfAbsent(p.season(), season -> choose(predictions, tuningFrom, season).orElse(0));
			pooled.add(p.withOwnPrice(blend(weight)));
		}
		int last = predictions.stream().mapToInt(Prediction::season).max().orElse(tuningFrom);
		return new Result(List.copyOf(pooled), weights, choose(predictions, tuningFrom, last + 1));
	}

	/** Every prediction pooled with one fixed blend, as {@code --own-price-weight} asks. */
	static Result fixed(List<Prediction> predictions, OwnPriceBlend blend) {
		Map<Integer, Double> weights = new TreeMap<>();
		predictions.forEach(p -> weights.put(p.season(), blend.weight()));
		return new Result(predictions.stream().map(p -> p.withOwnPrice(blend)).toList(), weights,
				OptionalDouble.of(blend.weight()));
	}

	/**
	 * The grid's weight with the lowest 1X2 RPS on the priced matches of seasons {@code from} to {@code before − 1};
	 * empty without any.
	 */
	static OptionalDouble choose(List<Prediction> predictions, int from, int before) {
		List<Prediction> training = predictions.stream()
			.filter(p -> p.season() >= from && p.season() < before)
			.filter(p -> p.prices(BookmakerOdds.PINNACLE_PRE_CLOSING).isPresent())
			.toList();
		if (training.isEmpty()) {
			return OptionalDouble.empty();
		}
		double best = 0;
		double bestRps = Double.POSITIVE_INFINITY;
		for (int step = 0; step <= STEPS; step++) {
			double weight = step / (double) STEPS;
			OwnPriceBlend blend = blend(weight);
			double rps = 0;
			for (Prediction p : training) {
				rps += ScoringRules.rps(p.withOwnPrice(blend).model(), p.outcome());
			}
			// strictly lower, so a tie keeps the smaller weight
			if (rps < bestRps - 1e-12) {
				bestRps = rps;
				best = weight;
			}
		}
		return OptionalDouble.of(best);
	}

	static OwnPriceBlend blend(double weight) {
		return new OwnPriceBlend(weight, OwnPriceBlend.Pool.LINEAR);
	}
}
