package io.analytips.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.analytips.football.analysis.ValueBet;
import io.analytips.football.analysis.ValueFinder;
import io.analytips.football.sim.data.BookmakerOdds;

/**
 * Every selection the bot would weigh (1X2 and over/under 2.5, the markets the data prices) at one source's
 * prices, judged by the same {@link ValueFinder} the bot uses; a {@code ValueRule} then picks its flags.
 */
final class Bets {

	private static final List<String> ONE_X_TWO = List.of("home", "draw", "away");

	private static final List<String> OVER_UNDER = List.of("over 2.5", "under 2.5");

	private Bets() {
	}

	/** The bets of every prediction that has {@code source}'s prices, in the predictions' order. */
	static List<Bet> of(List<Prediction> predictions, PriceSource source) {
		List<Bet> bets = new ArrayList<>();
		for (Prediction p : predictions) {
			Optional<BookmakerOdds> prices = p.prices(source.bookmakerId);
			if (prices.isEmpty()) {
				continue;
			}
			BookmakerOdds o = prices.get();
			List<ValueBet> result = ValueFinder.compare("1X2", ONE_X_TWO, new double[] { o.home(), o.draw(), o.away() },
					p.model(), p.dataSize());
			for (int k = 0; k < 3; k++) {
				bets.add(new Bet(p, source, result.get(k), p.outcome() == k, p.closing()[k]));
			}
			if (o.over25() != null && o.under25() != null) {
				List<ValueBet> goals = ValueFinder.compare("goals", OVER_UNDER, new double[] { o.over25(), o.under25() },
						new double[] { p.modelOver25(), 1 - p.modelOver25() }, p.dataSize());
				double closingOver = closingOver(p);
				bets.add(new Bet(p, source, goals.get(0), p.over25(), closingOver));
				bets.add(new Bet(p, source, goals.get(1), !p.over25(), 1 - closingOver));
			}
		}
		return List.copyOf(bets);
	}

	/** Pinnacle's margin-free closing P(over 2.5), NaN where the data has no closing totals. */
	private static double closingOver(Prediction p) {
		return p.closingOver25() == null ? Double.NaN : p.closingOver25();
	}
}
