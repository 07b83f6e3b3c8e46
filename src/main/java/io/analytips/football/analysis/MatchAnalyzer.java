package io.analytips.football.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Puts the models together for one fixture. Pure and synchronous; safe on any thread. */
public final class MatchAnalyzer {

	/** The total-goals line the screen compares: the one every bookmaker prices and the backtest scores. */
	static final double MAIN_GOAL_LINE = 2.5;

	private static final List<String> ONE_X_TWO = List.of("home", "draw", "away");

	private static final List<String> YES_NO = List.of("yes", "no");

	private MatchAnalyzer() {
	}

	/**
	 * Analyses {@code home} against {@code away}: expected goals and the Dixon-Coles score matrix from the model,
	 * goal markets from the matrix, both teams' ratings from the same fit, corners when their data is given, and,
	 * when prices are, the model against the bookmaker. Every selection of {@code "1X2"} (home, draw, away),
	 * {@code "goals"} ({@code "over 2.5"}, {@code "under 2.5"}, … for each half line offered; whole and quarter
	 * lines are skipped, because a push makes {@code p·o - 1} the wrong edge) and {@code "btts"} (yes, no) is
	 * judged by {@code rule}: its VALUE selections become {@link MatchAnalysis#value()}, its DISAGREEMENT ones
	 * {@link MatchAnalysis#disagreements()}, both best edge first.
	 *
	 * @param model the fitted goal model
	 * @param corners both teams' corner records, or null
	 * @param homeStanding the home team's table line, or null
	 * @param awayStanding the away team's table line, or null
	 * @param prices one bookmaker's odds, or null
	 * @param rule when a price is value, from the backtest
	 * @throws IllegalArgumentException if any price is not above 1
	 */
	public static MatchAnalysis analyze(ScoreModel model, long home, long away, CornerStats corners,
			TeamStanding homeStanding, TeamStanding awayStanding, BookmakerPrices prices, ValueRule rule) {
		return analyze(model, home, away, corners, homeStanding, awayStanding, prices, rule,
				BothTeamsScoreCalibration.NONE, 0.5, OwnPriceBlend.NONE);
	}

	/**
	 * As {@link #analyze(ScoreModel, long, long, CornerStats, TeamStanding, TeamStanding, BookmakerPrices,
	 * ValueRule)}, with the matrix's P(both teams score) calibrated by the league's own {@code bothTeamsScore}
	 * towards {@code leagueBttsFrequency} ({@link BothTeamsScoreCalibration#leagueFrequency} of the results the model
	 * was fitted on): the probability shown and the one the BTTS prices are judged against; and with the 1X2 and
	 * over 2.5 shown ({@link MatchAnalysis#forecast()}) pooled with {@code prices} by the league's {@code ownPrice},
	 * while every price is still judged against the model alone.
	 *
	 * @throws IllegalArgumentException if any price is not above 1, or the frequency is not a probability
	 */
	public static MatchAnalysis analyze(ScoreModel model, long home, long away, CornerStats corners,
			TeamStanding homeStanding, TeamStanding awayStanding, BookmakerPrices prices, ValueRule rule,
			BothTeamsScoreCalibration bothTeamsScore, double leagueBttsFrequency, OwnPriceBlend ownPrice) {
		Objects.requireNonNull(model, "model");
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(bothTeamsScore, "bothTeamsScore");
		Objects.requireNonNull(ownPrice, "ownPrice");
		ExpectedGoals xg = model.expectedGoals(home, away);
		ScoreMatrix matrix = ScoreMatrix.dixonColes(xg, model.rho());
		Markets markets = bothTeamsScore.apply(Markets.from(matrix), leagueBttsFrequency);
		int homeMatches = model.matchesOf(home);
		int awayMatches = model.matchesOf(away);
		int dataSize = Math.min(homeMatches, awayMatches);
		List<ValueBet> all = prices == null ? List.of() : compare(matrix, markets, prices, dataSize);
		List<ValueBet> comparisons = all.stream()
			.filter(bet -> !bet.market().equals("goals") || bet.selection().endsWith(" " + MAIN_GOAL_LINE))
			.toList();
		return new MatchAnalysis(xg, model.rho(), markets,
				corners == null ? null : CornerMarkets.from(corners, CornerPriors.DEFAULT), TeamRating.of(model, home),
				TeamRating.of(model, away), homeStanding, awayStanding, comparisons,
				judged(all, rule, ValueRule.Verdict.VALUE), judged(all, rule, ValueRule.Verdict.DISAGREEMENT), homeMatches,
				awayMatches, PooledForecast.of(markets, ownPrice, prices));
	}

	private static List<ValueBet> compare(ScoreMatrix matrix, Markets markets, BookmakerPrices prices, int dataSize) {
		List<ValueBet> bets = new ArrayList<>();
		double[] oneXTwo = prices.oneXTwo();
		if (oneXTwo != null) {
			bets.addAll(ValueFinder.compare("1X2", ONE_X_TWO, oneXTwo, markets.result().toArray(), dataSize));
		}
		for (Map.Entry<Double, double[]> line : prices.overUnder().entrySet()) {
			double at = line.getKey();
			if (isHalfLine(at)) {
				double over = matrix.over(at);
				bets.addAll(ValueFinder.compare("goals", List.of("over " + at, "under " + at), line.getValue(),
						new double[] { over, 1 - over }, dataSize));
			}
		}
		double[] btts = prices.bothTeamsScore();
		if (btts != null) {
			double yes = markets.bothTeamsScore();
			bets.addAll(ValueFinder.compare("btts", YES_NO, btts, new double[] { yes, 1 - yes }, dataSize));
		}
		return bets;
	}

	private static List<ValueBet> judged(List<ValueBet> bets, ValueRule rule, ValueRule.Verdict verdict) {
		return bets.stream()
			.filter(bet -> rule.judge(bet) == verdict)
			.sorted(Comparator.comparingDouble(ValueBet::edge).reversed())
			.toList();
	}

	private static boolean isHalfLine(double line) {
		return line > 0 && line - Math.floor(line) == 0.5;
	}
}
