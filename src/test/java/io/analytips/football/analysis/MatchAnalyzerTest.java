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

	@Test
	void withOnlyTheModelTheAnalysisHasGoalMarketsAndNoExtras() {
		MatchAnalysis analysis = MatchAnalyzer.analyze(MODEL, 0, 5, null, null, null, null);

		assertThat(analysis.expectedGoals()).isEqualTo(MODEL.expectedGoals(0, 5));
		assertThat(analysis.rho()).isEqualTo(MODEL.rho());
		assertThat(analysis.markets())
			.isEqualTo(Markets.from(ScoreMatrix.dixonColes(MODEL.expectedGoals(0, 5), MODEL.rho())));
		assertThat(analysis.markets().result().home()).isGreaterThan(analysis.markets().result().away());
		assertThat(analysis.corners()).isNull();
		assertThat(analysis.homeQuality()).isNull();
		assertThat(analysis.awayQuality()).isNull();
		assertThat(analysis.value()).isEmpty();
		assertThat(analysis.dataSize()).isEqualTo(20);
	}

	@Test
	void dataSizeIsTheLessSeenTeam() {
		assertThat(MatchAnalyzer.analyze(MODEL, 0, 99, null, null, null, null).dataSize()).isZero();
	}

	@Test
	void cornersAndQualityAreFilledWhenGiven() {
		TeamStanding leader = new TeamStanding(1, 6, 10, 25, 15, "WWWDW");
		TeamStanding last = new TeamStanding(6, 6, 10, 5, -15, "LLDLL");
		CornerStats corners = new CornerStats(7, 3, 10, 3.5, 6.5, 10);

		MatchAnalysis analysis = MatchAnalyzer.analyze(MODEL, 0, 5, corners, leader, last, null);

		assertThat(analysis.corners()).isEqualTo(CornerMarkets.from(corners, CornerPriors.DEFAULT));
		assertThat(analysis.homeQuality()).isEqualTo(QualityScore.of(leader));
		assertThat(analysis.awayQuality()).isEqualTo(QualityScore.of(last));
	}

	@Test
	void valueIsSearchedInEveryPricedMarketBestEdgeFirst() {
		Markets markets = MatchAnalyzer.analyze(MODEL, 0, 5, null, null, null, null).markets();
		double home = markets.result().home();
		double over = markets.goals(2.5).over();
		double yes = markets.bothTeamsScore();
		// long prices on the model's view of home, over 2.5 and BTTS no; short on the rest
		BookmakerPrices prices = new BookmakerPrices("book", new double[] { 1.25 / home, 1.5, 1.5 },
				Map.of(2.5, new double[] { 1.10 / over, 1.2 }, 2.0, new double[] { 1.01, 30 }),
				new double[] { 1.2, 1.06 / (1 - yes) });

		List<ValueBet> value = MatchAnalyzer.analyze(MODEL, 0, 5, null, null, null, prices).value();

		// edges 0.25, 0.10 and 0.06; the whole line 2.0 is skipped (a push would change the edge)
		assertThat(value).extracting(bet -> bet.market() + " " + bet.selection())
			.containsExactly("1X2 home", "goals over 2.5", "btts no");
		assertThat(value.get(0).edge()).isCloseTo(0.25, within(1e-9));
		assertThat(value.get(1).edge()).isCloseTo(0.10, within(1e-9));
		assertThat(value.get(2).edge()).isCloseTo(0.06, within(1e-9));
	}

	@Test
	void badPricesAreRejected() {
		BookmakerPrices prices = new BookmakerPrices("book", new double[] { 1.0, 3, 4 }, Map.of(), null);

		assertThatIllegalArgumentException().isThrownBy(() -> MatchAnalyzer.analyze(MODEL, 0, 5, null, null, null, prices));
	}
}
