package io.analytips.football.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Results drawn from known Poisson strengths with a seeded random source, for testing the fit. */
final class SyntheticLeague {

	final double base;

	final double homeAdvantage;

	final double[] attack;

	final double[] defence;

	final double rho;

	SyntheticLeague(double base, double homeAdvantage, double[] attack, double[] defence) {
		this(base, homeAdvantage, attack, defence, 0);
	}

	SyntheticLeague(double base, double homeAdvantage, double[] attack, double[] defence, double rho) {
		this.base = base;
		this.homeAdvantage = homeAdvantage;
		this.attack = attack;
		this.defence = defence;
		this.rho = rho;
	}

	/**
	 * {@code rounds} double round robins (every team hosts every other once per round), one match a
	 * day going back from the day before {@code asOf}. Team ids are the indexes.
	 */
	List<MatchResult> play(int rounds, LocalDate asOf, long seed) {
		Random random = new Random(seed);
		List<MatchResult> results = new ArrayList<>();
		LocalDate date = asOf.minusDays(1);
		for (int round = 0; round < rounds; round++) {
			for (int h = 0; h < attack.length; h++) {
				for (int a = 0; a < attack.length; a++) {
					if (h != a) {
						results.add(score(random, h, a, date));
						date = date.minusDays(1);
					}
				}
			}
		}
		return results;
	}

	private MatchResult score(Random random, int h, int a, LocalDate date) {
		double lambda = Math.exp(base + attack[h] + defence[a] + homeAdvantage);
		double mu = Math.exp(base + attack[a] + defence[h]);
		if (rho == 0) {
			return new MatchResult(h, a, poisson(random, lambda), poisson(random, mu), date);
		}
		// with a correction the two scores are not independent: draw from the matrix itself
		ScoreMatrix matrix = ScoreMatrix.dixonColes(new ExpectedGoals(lambda, mu), rho, 15);
		double u = random.nextDouble();
		for (int i = 0; i <= matrix.maxGoals(); i++) {
			for (int j = 0; j <= matrix.maxGoals(); j++) {
				u -= matrix.probability(i, j);
				if (u < 0) {
					return new MatchResult(h, a, i, j, date);
				}
			}
		}
		return new MatchResult(h, a, 0, 0, date);
	}

	/** The same results, each carrying the expected goals that generated it as its market prices' goals. */
	List<MatchResult> withMarket(List<MatchResult> results) {
		return results.stream()
			.map(r -> new MatchResult(r.homeTeam(), r.awayTeam(), r.homeGoals(), r.awayGoals(), r.date(),
					new ExpectedGoals(Math.exp(base + attack[(int) r.homeTeam()] + defence[(int) r.awayTeam()] + homeAdvantage),
							Math.exp(base + attack[(int) r.awayTeam()] + defence[(int) r.homeTeam()]))))
			.toList();
	}

	/** Knuth's multiplication method: fine for the small means of football. */
	static int poisson(Random random, double mean) {
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int k = 0;
		while (product > limit) {
			product *= random.nextDouble();
			k++;
		}
		return k;
	}
}
