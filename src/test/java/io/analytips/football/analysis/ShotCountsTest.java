package io.analytips.football.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** Shot counts as evidence of strength in the fit ({@link FitOptions#shotsWeight()}). */
class ShotCountsTest {

	private static final LocalDate AS_OF = LocalDate.of(2025, 8, 1);

	@Test
	void rejectsNegativeCounts() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ShotCounts(-1, 3)).withMessageContaining("-1-3");
	}

	@Test
	void aShotsWeightOfZeroLeavesTheFitExactlyAsWithoutShots() {
		List<MatchResult> scores = new SyntheticLeague(Math.log(1.2), 0.25, new double[] { 0.3, -0.3, 0, 0.1 },
				new double[] { -0.2, 0.2, 0, 0 }).play(6, AS_OF, 11);
		Random random = new Random(5);
		List<MatchResult> withShots = scores.stream()
			.map(r -> new MatchResult(r.homeTeam(), r.awayTeam(), r.homeGoals(), r.awayGoals(), r.date(),
					new ExpectedGoals(1.4, 1.1), new ShotCounts(random.nextInt(12), random.nextInt(12))))
			.toList();
		List<MatchResult> withoutShots = withShots.stream()
			.map(r -> new MatchResult(r.homeTeam(), r.awayTeam(), r.homeGoals(), r.awayGoals(), r.date(), r.market()))
			.toList();

		for (FitOptions options : List.of(FitOptions.SCORES, FitOptions.MARKET, new FitOptions(0.003, 730, 5, true, 0))) {
			ScoreModel without = ScoreModel.fit(withoutShots, AS_OF, options);
			ScoreModel atZero = ScoreModel.fit(withShots, AS_OF, options.withShotsWeight(0));

			assertThat(atZero.rho()).isEqualTo(without.rho());
			assertThat(atZero.homeAdvantage()).isEqualTo(without.homeAdvantage());
			for (long team = 0; team < 4; team++) {
				assertThat(atZero.attack(team)).isEqualTo(without.attack(team));
				assertThat(atZero.defence(team)).isEqualTo(without.defence(team));
			}
		}
	}

	@Test
	void aTeamWithManyShotsOnTargetButFewGoalsIsRatedStrongerWithShots() {
		// every match 1-1; team 1 puts 8 shots on target in each, every other side 4 (on goals alone team 1 is
		// average; only the time decay tells the teams apart, by less than 0.001)
		List<MatchResult> results = new ArrayList<>();
		LocalDate date = AS_OF.minusDays(60);
		for (int round = 0; round < 3; round++) {
			for (long home = 1; home <= 4; home++) {
				for (long away = 1; away <= 4; away++) {
					if (home != away) {
						results.add(new MatchResult(home, away, 1, 1, date = date.plusDays(1), null,
								new ShotCounts(home == 1 ? 8 : 4, away == 1 ? 8 : 4)));
					}
				}
			}
		}
		FitOptions scores = new FitOptions(0.003, 730, 5, true, 0);

		ScoreModel goalsOnly = ScoreModel.fit(results, AS_OF, scores);
		ScoreModel withShots = ScoreModel.fit(results, AS_OF, scores.withShotsWeight(0.5));

		assertThat(goalsOnly.attack(1) - goalsOnly.attack(2)).isCloseTo(0, within(0.01));
		assertThat(withShots.attack(1)).isGreaterThan(withShots.attack(2) + 0.2);
		assertThat(withShots.expectedGoals(1, 2).home()).isGreaterThan(goalsOnly.expectedGoals(1, 2).home());
	}

	@Test
	void shotsOfMatchesOnOrAfterTheFitDateChangeNothing() {
		List<MatchResult> before = List.of(new MatchResult(1, 2, 1, 0, AS_OF.minusDays(2), null, new ShotCounts(5, 2)),
				new MatchResult(2, 3, 2, 2, AS_OF.minusDays(1), null, new ShotCounts(4, 6)));
		List<MatchResult> all = new ArrayList<>(before);
		all.add(new MatchResult(1, 3, 0, 0, AS_OF, null, new ShotCounts(30, 0)));
		all.add(new MatchResult(3, 2, 0, 0, AS_OF.plusDays(3), null, new ShotCounts(0, 30)));
		FitOptions options = FitOptions.SCORES.withShotsWeight(0.75);

		ScoreModel withAll = ScoreModel.fit(all, AS_OF, options);
		ScoreModel withBefore = ScoreModel.fit(before, AS_OF, options);

		assertThat(withAll.expectedGoals(1, 3)).isEqualTo(withBefore.expectedGoals(1, 3));
		assertThat(withAll.expectedGoals(3, 2)).isEqualTo(withBefore.expectedGoals(3, 2));
	}
}
