package io.analytips.football;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.analytips.football.analysis.BookmakerPrices;
import io.analytips.football.api.FixtureOdds;

/** Picks the bookmaker to compare with and reads its markets into the model's terms. */
final class Prices {

	/** Sharpest first: Pinnacle's margin is the smallest, so its prices are the best estimate of the market. */
	private static final List<Integer> PREFERRED = List.of(4, 8, 3, 6);

	private static final int MATCH_WINNER = 1;

	private static final int GOALS_OVER_UNDER = 5;

	private static final int BOTH_TEAMS_SCORE = 8;

	private Prices() {
	}

	/** The preferred bookmaker's prices; null when nobody prices the match winner. */
	static BookmakerPrices of(FixtureOdds odds) {
		FixtureOdds.Bookmaker chosen = null;
		for (int id : PREFERRED) {
			chosen = odds.bookmakers().stream().filter(b -> b.id() == id && b.bet(MATCH_WINNER) != null).findFirst()
				.orElse(null);
			if (chosen != null) {
				break;
			}
		}
		if (chosen == null) {
			chosen = odds.bookmakers().stream().filter(b -> b.bet(MATCH_WINNER) != null).findFirst().orElse(null);
		}
		if (chosen == null) {
			return null;
		}
		FixtureOdds.Bet winner = chosen.bet(MATCH_WINNER);
		double[] oneXTwo = triple(winner.odd("Home"), winner.odd("Draw"), winner.odd("Away"));
		Map<Double, double[]> lines = new TreeMap<>();
		FixtureOdds.Bet totals = chosen.bet(GOALS_OVER_UNDER);
		if (totals != null) {
			for (FixtureOdds.Value value : totals.values()) {
				if (value.value().startsWith("Over ")) {
					String line = value.value().substring(5);
					Double under = totals.odd("Under " + line);
					try {
						if (under != null) {
							lines.put(Double.parseDouble(line), new double[] { value.odd(), under });
						}
					}
					catch (NumberFormatException ex) {
						// an unusual line label: leave it out
					}
				}
			}
		}
		FixtureOdds.Bet btts = chosen.bet(BOTH_TEAMS_SCORE);
		double[] bothTeamsScore = btts == null ? null : pair(btts.odd("Yes"), btts.odd("No"));
		return oneXTwo == null ? null : new BookmakerPrices(chosen.name(), oneXTwo, lines, bothTeamsScore);
	}

	private static double[] triple(Double a, Double b, Double c) {
		return a == null || b == null || c == null ? null : new double[] { a, b, c };
	}

	private static double[] pair(Double a, Double b) {
		return a == null || b == null ? null : new double[] { a, b };
	}
}
