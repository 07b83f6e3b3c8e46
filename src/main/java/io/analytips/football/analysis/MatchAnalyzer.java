package io.analytips.football.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Puts the models together for one fixture. Pure and synchronous; safe on any thread. */
public final class MatchAnalyzer {

	private static final List<String> ONE_X_TWO = List.of("home", "draw", "away");

	private static final List<String> YES_NO = List.of("yes", "no");

	private MatchAnalyzer() {
	}

	/**
	 * Analyses {@code home} against {@code away}: expected goals and the Dixon-Coles score matrix
	 * from the model, goal markets from the matrix, corners and quality when their data is given,
	 * and value bets when prices are. Value is searched in {@code "1X2"} (home, draw, away),
	 * {@code "goals"} ({@code "over 2.5"}, {@code "under 2.5"}, … for each half line offered; whole
	 * and quarter lines are skipped, because a push makes {@code p·o - 1} the wrong edge) and
	 * {@code "btts"} (yes, no). Only bets whose edge is above 3% and whose confidence is at least
	 * {@link ValueFinder#MIN_CONFIDENCE} are flagged; they are listed best edge first.
	 *
	 * @param model the fitted goal model
	 * @param corners both teams' corner records, or null
	 * @param homeStanding the home team's table line, or null
	 * @param awayStanding the away team's table line, or null
	 * @param prices one bookmaker's odds, or null
	 * @throws IllegalArgumentException if any price is not above 1
	 */
	public static MatchAnalysis analyze(ScoreModel model, long home, long away, CornerStats corners,
			TeamStanding homeStanding, TeamStanding awayStanding, BookmakerPrices prices) {
		Objects.requireNonNull(model, "model");
		ExpectedGoals xg = model.expectedGoals(home, away);
		ScoreMatrix matrix = ScoreMatrix.dixonColes(xg, model.rho());
		Markets markets = Markets.from(matrix);
		int dataSize = Math.min(model.matchesOf(home), model.matchesOf(away));
		List<ValueBet> value = prices == null ? List.of() : value(matrix, markets, prices, dataSize);
		return new MatchAnalysis(xg, model.rho(), markets,
				corners == null ? null : CornerMarkets.from(corners, CornerPriors.DEFAULT),
				homeStanding == null ? null : QualityScore.of(homeStanding),
				awayStanding == null ? null : QualityScore.of(awayStanding), value, dataSize);
	}

	private static List<ValueBet> value(ScoreMatrix matrix, Markets markets, BookmakerPrices prices, int dataSize) {
		List<ValueBet> bets = new ArrayList<>();
		double[] oneXTwo = prices.oneXTwo();
		if (oneXTwo != null) {
			bets.addAll(ValueFinder.find("1X2", ONE_X_TWO, oneXTwo, markets.result().toArray(), dataSize));
		}
		for (Map.Entry<Double, double[]> line : prices.overUnder().entrySet()) {
			double at = line.getKey();
			if (isHalfLine(at)) {
				double over = matrix.over(at);
				bets.addAll(ValueFinder.find("goals", List.of("over " + at, "under " + at), line.getValue(),
						new double[] { over, 1 - over }, dataSize));
			}
		}
		double[] btts = prices.bothTeamsScore();
		if (btts != null) {
			double yes = markets.bothTeamsScore();
			bets.addAll(ValueFinder.find("btts", YES_NO, btts, new double[] { yes, 1 - yes }, dataSize));
		}
		bets.removeIf(bet -> !ValueFinder.flagged(bet));
		bets.sort(Comparator.comparingDouble(ValueBet::edge).reversed());
		return bets;
	}

	private static boolean isHalfLine(double line) {
		return line > 0 && line - Math.floor(line) == 0.5;
	}
}
