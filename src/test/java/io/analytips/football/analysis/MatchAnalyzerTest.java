package io.analytips.football.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class MatchAnalyzerTest {

	private static final LocalDate AS_OF = LocalDate.of(2025, 8, 1);

	/** Team 0 is much stronger than team 5; each plays 20 matches in the window. */
	private static final ScoreModel MODEL = ScoreModel.fit(
			new SyntheticLeague(Math.log(1.2), 0.25, new double[] { 0.5, 0.2, 0, 0, -0.2, -0.5 },
					new double[] { -0.4, -0.2, 0, 0, 0.2, 0.4 }).play(2, AS_OF, 11),
			AS_OF, FitOptions.SCORES);

	/** A supported rule: value between 3% and 30% of edge, from medium confidence. */
	private static final ValueRule SUPPORTED = ValueRule.candidate(0.03, 0.30, Confidence.MEDIUM);

	@Test
	void withOnlyTheModelTheAnalysisHasGoalMarketsAndNoExtras() {
		MatchAnalysis analysis = MatchAnalyzer.analyze(MODEL, 0, 5, null, null, null, null, SUPPORTED);

		assertThat(analysis.expectedGoals()).isEqualTo(MODEL.expectedGoals(0, 5));
		assertThat(analysis.rho()).isEqualTo(MODEL.rho());
		assertThat(analysis.markets())
			.isEqualTo(Markets.from(ScoreMatrix.dixonColes(MODEL.expectedGoals(0, 5), MODEL.rho())));
		assertThat(analysis.markets().result().home()).isGreaterThan(analysis.markets().result().away());
		assertThat(analysis.corners()).isNull();
		assertThat(analysis.homeStanding()).isNull();
		assertThat(analysis.awayStanding()).isNull();
		assertThat(analysis.comparisons()).isEmpty();
		assertThat(analysis.value()).isEmpty();
		assertThat(analysis.disagreements()).isEmpty();
		assertThat(analysis.dataSize()).isEqualTo(20);
	}

	@Test
	void dataSizeIsTheLessSeenTeam() {
		assertThat(MatchAnalyzer.analyze(MODEL, 0, 99, null, null, null, null, SUPPORTED).dataSize()).isZero();
	}

	@Test
	void cornersAndStandingsAreCarriedWhenGiven() {
		TeamStanding leader = new TeamStanding(1, 6, 10, 25, 15, "WWWDW");
		TeamStanding last = new TeamStanding(6, 6, 10, 5, -15, "LLDLL");
		CornerStats corners = new CornerStats(7, 3, 10, 3.5, 6.5, 10);

		MatchAnalysis analysis = MatchAnalyzer.analyze(MODEL, 0, 5, corners, leader, last, null, SUPPORTED);

		assertThat(analysis.corners()).isEqualTo(CornerMarkets.from(corners, CornerPriors.DEFAULT));
		assertThat(analysis.homeStanding()).isEqualTo(leader);
		assertThat(analysis.awayStanding()).isEqualTo(last);
	}

	@Test
	void theRatingsComeFromTheFitThatGivesTheProbabilities() {
		MatchAnalysis analysis = MatchAnalyzer.analyze(MODEL, 0, 5, null, null, null, null, SUPPORTED);

		assertThat(analysis.homeRating()).isEqualTo(TeamRating.of(MODEL, 0));
		assertThat(analysis.awayRating()).isEqualTo(TeamRating.of(MODEL, 5));
		assertThat(analysis.homeRating().score()).isGreaterThan(analysis.awayRating().score());
	}

	@Test
	void valueIsSearchedInEveryPricedMarketBestEdgeFirst() {
		Markets markets = MatchAnalyzer.analyze(MODEL, 0, 5, null, null, null, null, SUPPORTED).markets();
		double home = markets.result().home();
		double over = markets.goals(2.5).over();
		double yes = markets.bothTeamsScore();
		// long prices on the model's view of home, over 2.5 and BTTS no; short on the rest
		BookmakerPrices prices = new BookmakerPrices("book", new double[] { 1.25 / home, 1.5, 1.5 },
				Map.of(2.5, new double[] { 1.10 / over, 1.2 }, 2.0, new double[] { 1.01, 30 }),
				new double[] { 1.2, 1.06 / (1 - yes) });

		List<ValueBet> value = MatchAnalyzer.analyze(MODEL, 0, 5, null, null, null, prices, SUPPORTED).value();

		// edges 0.25, 0.10 and 0.06; the whole line 2.0 is skipped (a push would change the edge)
		assertThat(value).extracting(bet -> bet.market() + " " + bet.selection())
			.containsExactly("1X2 home", "goals over 2.5", "btts no");
		assertThat(value.get(0).edge()).isCloseTo(0.25, within(1e-9));
		assertThat(value.get(1).edge()).isCloseTo(0.10, within(1e-9));
		assertThat(value.get(2).edge()).isCloseTo(0.06, within(1e-9));
	}

	@Test
	void anEdgeAboveTheCapIsADisagreementAndNeverValue() {
		BookmakerPrices prices = pricesWithEdges(0.25, 0.10, 0.06);
		ValueRule capped = ValueRule.candidate(0.03, 0.20, Confidence.MEDIUM);

		MatchAnalysis analysis = MatchAnalyzer.analyze(MODEL, 0, 5, null, null, null, prices, capped);

		assertThat(analysis.value()).extracting(ValueBet::selection).containsExactly("over 2.5", "no");
		assertThat(analysis.disagreements()).extracting(ValueBet::selection).containsExactly("home");
		assertThat(analysis.disagreements().get(0).edge()).isCloseTo(0.25, within(1e-9));
	}

	@Test
	void anUnsupportedRuleFlagsNothingButComparesEveryMainSelectionAndStillCautions() {
		BookmakerPrices prices = pricesWithEdges(0.25, 0.10, 0.06);
		ValueRule unsupported = new ValueRule(false, 0.03, 0.20, Confidence.MEDIUM, SUPPORTED.trackRecord());

		MatchAnalysis analysis = MatchAnalyzer.analyze(MODEL, 0, 5, null, null, null, prices, unsupported);

		assertThat(analysis.value()).isEmpty();
		assertThat(analysis.disagreements()).extracting(ValueBet::selection).containsExactly("home");
		// the 2.0 line is neither compared nor judged; the 2.5 line is the one on screen
		assertThat(analysis.comparisons()).extracting(bet -> bet.market() + " " + bet.selection())
			.containsExactly("1X2 home", "1X2 draw", "1X2 away", "goals over 2.5", "goals under 2.5", "btts yes",
					"btts no");
		Markets markets = analysis.markets();
		assertThat(analysis.comparisons().get(0).modelProbability()).isEqualTo(markets.result().home());
		assertThat(analysis.comparisons().get(0).odds()).isEqualTo(1.25 / markets.result().home());
	}

	/** Long prices on the model's home win, over 2.5 and BTTS no (edges as given); short on the rest. */
	private static BookmakerPrices pricesWithEdges(double home, double over, double no) {
		Markets markets = MatchAnalyzer.analyze(MODEL, 0, 5, null, null, null, null, SUPPORTED).markets();
		return new BookmakerPrices("book", new double[] { (1 + home) / markets.result().home(), 1.5, 1.5 },
				Map.of(2.5, new double[] { (1 + over) / markets.goals(2.5).over(), 1.2 }, 2.0, new double[] { 1.01, 30 }),
				new double[] { 1.2, (1 + no) / (1 - markets.bothTeamsScore()) });
	}

	@Test
	void theForecastShownLeansOnTheFixturesPriceWhileEveryPriceIsStillJudgedAgainstTheModelAlone() {
		BookmakerPrices prices = pricesWithEdges(0.25, 0.10, 0.06);
		Markets model = MatchAnalyzer.analyze(MODEL, 0, 5, null, null, null, null, SUPPORTED).markets();
		OwnPriceBlend half = new OwnPriceBlend(0.5, OwnPriceBlend.Pool.LINEAR);

		MatchAnalysis analysis = MatchAnalyzer.analyze(MODEL, 0, 5, null, null, null, prices, SUPPORTED,
				BothTeamsScoreCalibration.NONE, 0.5, half);

		assertThat(analysis.forecast()).isEqualTo(PooledForecast.of(model, half, prices));
		assertThat(analysis.forecast().resultWeight()).isEqualTo(0.5);
		assertThat(analysis.forecast().result().home()).isLessThan(model.result().home());
		assertThat(analysis.markets()).isEqualTo(model);
		assertThat(analysis.value()).extracting(ValueBet::selection).containsExactly("home", "over 2.5", "no");
		assertThat(analysis.value().get(0).modelProbability()).isEqualTo(model.result().home());
		assertThat(analysis.value().get(0).edge()).isCloseTo(0.25, within(1e-9));
	}

	@Test
	void withoutPricesTheForecastIsTheModelsWhateverTheLeaguesPool() {
		MatchAnalysis analysis = MatchAnalyzer.analyze(MODEL, 0, 5, null, null, null, null, SUPPORTED,
				BothTeamsScoreCalibration.NONE, 0.5, new OwnPriceBlend(1, OwnPriceBlend.Pool.LINEAR));

		assertThat(analysis.forecast()).isEqualTo(PooledForecast.modelAlone(analysis.markets()));
		assertThat(analysis.forecast().pooled()).isFalse();
	}

	@Test
	void badPricesAreRejected() {
		BookmakerPrices prices = new BookmakerPrices("book", new double[] { 1.0, 3, 4 }, Map.of(), null);

		assertThatIllegalArgumentException().isThrownBy(() -> MatchAnalyzer.analyze(MODEL, 0, 5, null, null, null, prices, SUPPORTED));
	}
}
