package io.analytips.football.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

class ScoreModelTest {

	private static final LocalDate AS_OF = LocalDate.of(2025, 8, 1);

	/** No decay and no window, so the recovery test sees every synthetic match at full weight. */
	private static final FitOptions EVERYTHING = new FitOptions(0, 100_000, 3);

	@Test
	void withoutResultsTheModelIsTheLeagueAveragePrior() {
		ScoreModel model = ScoreModel.fit(List.of(), AS_OF, FitOptions.SCORES);

		// 1.45 home and 1.15 away goals; γ = ln(1.45 / 1.15) = 0.231802
		assertThat(model.expectedGoals(1, 2).home()).isCloseTo(1.45, within(1e-12));
		assertThat(model.expectedGoals(1, 2).away()).isCloseTo(1.15, within(1e-12));
		assertThat(model.homeAdvantage()).isCloseTo(0.231802, within(1e-6));
		assertThat(model.rho()).isZero();
		assertThat(model.leagueGoalsPerMatch()).isCloseTo(2.6, within(1e-12));
		assertThat(model.matchesOf(1)).isZero();
	}

	@Test
	void oneResultGivesAModerateModel() {
		ScoreModel model = ScoreModel.fit(List.of(new MatchResult(1, 2, 0, 0, AS_OF.minusDays(3))), AS_OF,
				FitOptions.SCORES);

		ExpectedGoals xg = model.expectedGoals(1, 2);
		assertThat(xg.home()).isBetween(0.3, 1.45);
		assertThat(xg.away()).isBetween(0.3, 1.15);
		assertThat(model.matchesOf(1)).isEqualTo(1);
		assertThat(model.rho()).isBetween(-0.2, 0.1);
	}

	@Test
	void teamThatAlwaysWinsGetsTheHigherAttack() {
		List<MatchResult> results = new ArrayList<>();
		LocalDate date = AS_OF.minusDays(100);
		for (int round = 0; round < 4; round++) {
			for (long other = 2; other <= 4; other++) {
				results.add(new MatchResult(1, other, 3, 0, date = date.plusDays(1)));
				results.add(new MatchResult(other, 1, 0, 2, date = date.plusDays(1)));
				results.add(new MatchResult(other, other % 3 + 2, 1, 1, date = date.plusDays(1)));
			}
		}

		ScoreModel model = ScoreModel.fit(results, AS_OF, FitOptions.SCORES);

		assertThat(model.attack(1)).isGreaterThan(0.3).isGreaterThan(model.attack(2));
		assertThat(model.defence(1)).isLessThan(-0.3).isLessThan(model.defence(2));
		assertThat(model.expectedGoals(1, 2).home()).isGreaterThan(model.expectedGoals(2, 1).home());
	}

	@Test
	void homeAdvantageIsPositiveWhenHomeSidesScoreMore() {
		List<MatchResult> results = new ArrayList<>();
		LocalDate date = AS_OF;
		for (int round = 0; round < 5; round++) {
			for (long home = 1; home <= 4; home++) {
				for (long away = 1; away <= 4; away++) {
					if (home != away) {
						results.add(new MatchResult(home, away, 2, 1, date = date.minusDays(1)));
					}
				}
			}
		}

		ScoreModel model = ScoreModel.fit(results, AS_OF, FitOptions.SCORES);

		// every match 2-1: γ near ln 2 = 0.69, pulled a little towards the prior 0.23
		assertThat(model.homeAdvantage()).isGreaterThan(0.5).isLessThan(Math.log(2));
	}

	@Test
	void refitRecoversTheStrengthsThatGeneratedTheData() {
		double[] attack = { 0.35, 0.2, 0.1, 0.05, 0, -0.05, -0.1, -0.15, -0.2, -0.3 };
		double[] defence = { -0.3, -0.2, 0.1, -0.1, 0, 0.05, 0.1, 0.15, 0.25, 0.3 };
		SyntheticLeague league = new SyntheticLeague(Math.log(1.2), 0.25, attack, defence);
		List<MatchResult> results = league.play(40, AS_OF, 42);

		ScoreModel model = ScoreModel.fit(results, AS_OF, EVERYTHING);

		assertThat(results).hasSize(3600);
		assertThat(model.homeAdvantage()).isCloseTo(0.25, within(0.05));
		// the level of α and β is a convention, so compare each around its mean
		double fittedAttackMean = mean(teams(attack.length), model::attack);
		double fittedDefenceMean = mean(teams(defence.length), model::defence);
		for (int t = 0; t < attack.length; t++) {
			assertThat(model.attack(t) - fittedAttackMean).as("attack of %d", t)
				.isCloseTo(attack[t] - average(attack), within(0.1));
			assertThat(model.defence(t) - fittedDefenceMean).as("defence of %d", t)
				.isCloseTo(defence[t] - average(defence), within(0.1));
		}
		assertThat(model.matchesOf(0)).isEqualTo(720);
		assertThat(model.rho()).isCloseTo(0, within(0.1));
	}

	@Test
	void refitRecoversTheLowScoreCorrection() {
		double[] attack = { 0.3, 0.1, 0, -0.1, -0.3, 0 };
		double[] defence = { -0.3, -0.1, 0, 0.1, 0.3, 0 };
		List<MatchResult> results = new SyntheticLeague(Math.log(1.1), 0.25, attack, defence, -0.1)
			.play(150, AS_OF, 5);

		ScoreModel model = ScoreModel.fit(results, AS_OF, EVERYTHING);

		assertThat(model.rho()).isCloseTo(-0.1, within(0.05));
	}

	@Test
	void marketPricesRecoverTheStrengthsFromFewerMatchesThanScores() {
		double[] attack = { 0.35, 0.2, 0.1, 0.05, 0, -0.05, -0.1, -0.15, -0.2, -0.3 };
		double[] defence = { -0.3, -0.2, 0.1, -0.1, 0, 0.05, 0.1, 0.15, 0.25, 0.3 };
		SyntheticLeague league = new SyntheticLeague(Math.log(1.2), 0.25, attack, defence);
		// one double round robin: too few scores to tell the middle teams apart
		List<MatchResult> results = league.withMarket(league.play(1, AS_OF, 42));
		FitOptions onScores = new FitOptions(0, 100_000, 0.5, false, 0);
		FitOptions onPrices = new FitOptions(0, 100_000, 0.5, false, 1);

		double scoresError = strengthError(ScoreModel.fit(results, AS_OF, onScores), attack, defence);
		double pricesError = strengthError(ScoreModel.fit(results, AS_OF, onPrices), attack, defence);

		assertThat(pricesError).isLessThan(0.03).isLessThan(scoresError / 5);
	}

	@Test
	void withMarketPricesRhoIsStillFittedOnTheScores() {
		double[] attack = { 0.3, 0.1, 0, -0.1, -0.3, 0 };
		double[] defence = { -0.3, -0.1, 0, 0.1, 0.3, 0 };
		SyntheticLeague league = new SyntheticLeague(Math.log(1.1), 0.25, attack, defence, -0.1);
		List<MatchResult> results = league.withMarket(league.play(150, AS_OF, 5));

		ScoreModel model = ScoreModel.fit(results, AS_OF, new FitOptions(0, 100_000, 3, false, 1));

		assertThat(model.rho()).isCloseTo(-0.1, within(0.05));
	}

	@Test
	void resultsWithoutPricesCountTheirScoresWhateverTheMarketWeight() {
		List<MatchResult> results = new SyntheticLeague(Math.log(1.2), 0.25, new double[] { 0.3, -0.3, 0 },
				new double[] { -0.2, 0.2, 0 }).play(10, AS_OF, 3);

		ScoreModel scoresOnly = ScoreModel.fit(results, AS_OF, new FitOptions(0.003, 730, 5, true, 0));
		ScoreModel weighted = ScoreModel.fit(results, AS_OF, new FitOptions(0.003, 730, 5, true, 0.8));

		assertThat(weighted.expectedGoals(0, 1)).isEqualTo(scoresOnly.expectedGoals(0, 1));
	}

	@Test
	void matchesOnOrAfterTheFitDateAndBeyondTheWindowAreIgnored() {
		List<MatchResult> counted = List.of(new MatchResult(1, 2, 1, 0, AS_OF.minusDays(1)),
				new MatchResult(2, 1, 1, 1, AS_OF.minusDays(730)));
		List<MatchResult> all = new ArrayList<>(counted);
		all.add(new MatchResult(1, 2, 7, 0, AS_OF));
		all.add(new MatchResult(1, 3, 7, 0, AS_OF.plusDays(5)));
		all.add(new MatchResult(3, 2, 0, 7, AS_OF.minusDays(731)));

		ScoreModel withAll = ScoreModel.fit(all, AS_OF, FitOptions.SCORES);
		ScoreModel withCounted = ScoreModel.fit(counted, AS_OF, FitOptions.SCORES);

		assertThat(withAll.matchesOf(1)).isEqualTo(2);
		assertThat(withAll.matchesOf(3)).isZero();
		assertThat(withAll.expectedGoals(1, 2)).isEqualTo(withCounted.expectedGoals(1, 2));
	}

	@Test
	void olderMatchesWeighLess() {
		// team 1 won big long ago and lost recently; with decay the recent losses dominate
		List<MatchResult> results = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			results.add(new MatchResult(1, 2 + i % 3, 4, 0, AS_OF.minusDays(600 + i)));
			results.add(new MatchResult(1, 2 + i % 3, 0, 2, AS_OF.minusDays(10 + i)));
		}

		double decayed = ScoreModel.fit(results, AS_OF, FitOptions.SCORES).attack(1);
		double flat = ScoreModel.fit(results, AS_OF, new FitOptions(0, 730, 3)).attack(1);

		assertThat(decayed).isLessThan(flat);
	}

	@Test
	void pseudoMatchesKeepAPromotedTeamNearAverage() {
		List<MatchResult> results = new ArrayList<>(
				new SyntheticLeague(Math.log(1.2), 0.25, new double[6], new double[6]).play(4, AS_OF.minusDays(3), 7));
		results.add(new MatchResult(99, 0, 5, 0, AS_OF.minusDays(2)));
		results.add(new MatchResult(1, 99, 0, 4, AS_OF.minusDays(1)));

		double shrunk = ScoreModel.fit(results, AS_OF, FitOptions.SCORES).attack(99);
		double barelyShrunk = ScoreModel.fit(results, AS_OF, new FitOptions(0.0019, 730, 0.01)).attack(99);

		assertThat(shrunk).isPositive().isLessThan(barelyShrunk - 0.3);
	}

	@Test
	void withoutTheNewcomerPriorUnknownTeamsPlayAtLeagueAverage() {
		ScoreModel model = ScoreModel.fit(new SyntheticLeague(Math.log(1.2), 0.25, new double[] { 0.3, -0.3, 0 },
				new double[] { -0.2, 0.2, 0 }).play(10, AS_OF, 3), AS_OF, new FitOptions(0.003, 730, 5, false));

		ExpectedGoals unknown = model.expectedGoals(100, 101);
		assertThat(unknown.home() / unknown.away()).isCloseTo(Math.exp(model.homeAdvantage()), within(1e-12));
		assertThat(unknown.total()).isCloseTo(model.leagueGoalsPerMatch(), within(1e-12));
		assertThat(model.attack(100)).isZero();
	}

	@Test
	void aPromotedTeamBeforeItsFirstMatchPlaysLikeTheLeaguesWeakestTeams() {
		double[] attack = { 0.6, 0.45, 0.3, 0.15, 0, -0.3, -0.45, -0.6 };
		double[] defence = { -0.6, -0.45, -0.3, -0.15, 0, 0.3, 0.45, 0.6 };
		ScoreModel model = ScoreModel.fit(new SyntheticLeague(Math.log(1.2), 0.25, attack, defence).play(6, AS_OF, 11),
				AS_OF, FitOptions.SCORES);

		double weakestAttack = (model.attack(5) + model.attack(6) + model.attack(7)) / 3;
		double weakestDefence = (model.defence(5) + model.defence(6) + model.defence(7)) / 3;
		assertThat(model.attack(99)).isCloseTo(weakestAttack, within(1e-6)).isNegative();
		assertThat(model.defence(99)).isCloseTo(weakestDefence, within(1e-6)).isPositive();
		assertThat(model.matchesOf(99)).isZero();
	}

	@Test
	void aPromotedTeamWithFewMatchesIsShrunkTowardsTheWeakestNotTowardsAverage() {
		LocalDate seasonStart = AS_OF.minusDays(10);
		List<MatchResult> results = new ArrayList<>(new SyntheticLeague(Math.log(1.2), 0.25,
				new double[] { 0.4, 0.2, 0, -0.2, -0.4, 0 }, new double[] { -0.4, -0.2, 0, 0.2, 0.4, 0 })
			.play(4, seasonStart, 13));
		// the newcomer's two matches, both 1-1: little evidence either way
		results.add(new MatchResult(99, 0, 1, 1, AS_OF.minusDays(5)));
		results.add(new MatchResult(2, 99, 1, 1, AS_OF.minusDays(2)));

		double withPrior = ScoreModel.fit(results, AS_OF, FitOptions.SCORES).attack(99);
		double towardsAverage = ScoreModel.fit(results, AS_OF, new FitOptions(0.003, 730, 5, false)).attack(99);

		assertThat(withPrior).isLessThan(towardsAverage - 0.05);
	}

	/** The largest error of any team's attack or defence, each compared around its mean. */
	private static double strengthError(ScoreModel model, double[] attack, double[] defence) {
		double fittedAttackMean = mean(teams(attack.length), model::attack);
		double fittedDefenceMean = mean(teams(defence.length), model::defence);
		double error = 0;
		for (int t = 0; t < attack.length; t++) {
			error = Math.max(error, Math.abs(model.attack(t) - fittedAttackMean - (attack[t] - average(attack))));
			error = Math.max(error, Math.abs(model.defence(t) - fittedDefenceMean - (defence[t] - average(defence))));
		}
		return error;
	}

	@Test
	void rejectsNullArguments() {
		assertThatNullPointerException().isThrownBy(() -> ScoreModel.fit(null, AS_OF, FitOptions.SCORES))
			.withMessage("results");
		assertThatNullPointerException().isThrownBy(() -> ScoreModel.fit(List.of(), null, FitOptions.SCORES))
			.withMessage("asOf");
		assertThatNullPointerException().isThrownBy(() -> ScoreModel.fit(List.of(), AS_OF, null))
			.withMessage("options");
	}

	private static long[] teams(int count) {
		long[] ids = new long[count];
		for (int t = 0; t < count; t++) {
			ids[t] = t;
		}
		return ids;
	}

	private static double mean(long[] teams, LongToDoubleFunction strength) {
		double sum = 0;
		for (long t : teams) {
			sum += strength.applyAsDouble(t);
		}
		return sum / teams.length;
	}

	private static double average(double[] values) {
		double sum = 0;
		for (double v : values) {
			sum += v;
		}
		return sum / values.length;
	}
}
