package io.analytips.football.analysis;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Fits a {@link ScoreModel}: weighted Poisson maximum likelihood for the strengths, then ρ
 * ({@link RhoFit}) with the strengths held fixed.
 * <p>
 * The strengths maximise the time-weighted log-likelihood plus two priors: every team gets
 * {@code priorMatches} pseudo-matches at league-average strength (a Gamma prior with mean 1 on
 * {@code exp(α)} and {@code exp(β)}), and the league gets as many pseudo-matches at 1.45 – 1.15.
 * Each parameter has a closed-form update given the others, so the fit is block coordinate
 * ascent on a concave function. The likelihood alone cannot tell a strong league from strong
 * attacks (raising every α and lowering μ0 as much moves no expected goal); only the priors pin
 * that direction, too weakly for coordinate steps to cross it quickly, so each sweep also solves
 * exactly along it. The priors are the identifiability constraint: they make the mean of
 * {@code exp(α)} about 1, the multiplicative form of {@code Σα = 0}.
 */
final class DixonColesFit {

	private static final int MAX_ITERATIONS = 200;

	private static final double TOLERANCE = 1e-8;

	private static final int NEWTON_STEPS = 50;

	/**
	 * A team whose first match in the sample comes this many days after the sample's first is new to the
	 * league (promoted): every team of the league plays in its first weeks.
	 */
	static final int NEWCOMER_AFTER_DAYS = 60;

	/** Newcomers are shrunk towards the mean of this many weakest established teams (research note §7). */
	static final int WEAKEST = 3;

	private final WeightedSample sample;

	private final FitOptions options;

	/** League-level pseudo-matches: they keep γ and μ0 finite when, say, every home side failed to score. */
	private final double priorMatches;

	/**
	 * Pseudo-goals in a team's pseudo-matches: {@code priorMatches} matches at the league's goals per
	 * side. As a Gamma prior with mean 1 on {@code exp(α)}, it turns each update into
	 * {@code (scored + prior) / (expected + prior)}, pulling a team with few matches towards 0.
	 */
	private final double teamPrior;

	private final double[] attack;

	private final double[] defence;

	private double base = Math.log(ScoreModel.PRIOR_AWAY_GOALS);

	private double homeAdvantage = Math.log(ScoreModel.PRIOR_HOME_GOALS / ScoreModel.PRIOR_AWAY_GOALS);

	/** Which teams are shrunk towards the newcomer prior rather than towards 0. */
	private final boolean[] newcomer;

	/**
	 * Whether the newcomer prior is computed: also when no team in the sample is new, because a promoted
	 * team before its first match is not in the sample at all and plays at that prior.
	 */
	private final boolean canRankEstablished;

	/** The prior mean of a newcomer's attack: the weakest established teams' mean, or 0 when off. */
	private double newcomerAttack;

	/** The prior mean of a newcomer's defence, likewise. */
	private double newcomerDefence;

	private DixonColesFit(WeightedSample sample, FitOptions options) {
		this.sample = sample;
		this.options = options;
		this.priorMatches = options.priorMatches();
		this.newcomer = new boolean[sample.teams()];
		int established = 0;
		for (int t = 0; t < sample.teams(); t++) {
			newcomer[t] = sample.firstDay[t] > NEWCOMER_AFTER_DAYS;
			established += newcomer[t] ? 0 : 1;
		}
		this.canRankEstablished = options.newcomerPrior() && established > WEAKEST;
		if (!canRankEstablished) {
			// off, or too few established teams to say what "weakest" means
			Arrays.fill(newcomer, false);
		}
		double priorGoals = priorMatches * (ScoreModel.PRIOR_HOME_GOALS + ScoreModel.PRIOR_AWAY_GOALS);
		double goalsPerSide = (sample.weightedGoals() + priorGoals) / (2 * (sample.totalWeight() + priorMatches));
		this.teamPrior = priorMatches * goalsPerSide;
		this.attack = new double[sample.teams()];
		this.defence = new double[sample.teams()];
	}

	static ScoreModel fit(List<MatchResult> results, LocalDate asOf, FitOptions options) {
		WeightedSample sample = WeightedSample.of(results, asOf, options);
		if (sample.size() == 0) {
			return ScoreModel.leagueAverage();
		}
		return new DixonColesFit(sample, options).run();
	}

	private ScoreModel run() {
		for (int i = 0; i < MAX_ITERATIONS; i++) {
			if (sweep() < TOLERANCE) {
				break;
			}
		}
		double[] lambda = new double[sample.size()];
		double[] mu = new double[sample.size()];
		for (int m = 0; m < sample.size(); m++) {
			int h = sample.home[m];
			int a = sample.away[m];
			lambda[m] = Math.exp(base + attack[h] + defence[a] + homeAdvantage);
			mu[m] = Math.exp(base + attack[a] + defence[h]);
		}
		double rho = RhoFit.fit(sample, lambda, mu);
		Map<Long, TeamStrength> teams = new HashMap<>();
		for (int t = 0; t < sample.teams(); t++) {
			teams.put(sample.teamIds[t], new TeamStrength(attack[t], defence[t], sample.played[t]));
		}
		TeamStrength unseen = options.newcomerPrior() ? new TeamStrength(newcomerAttack, newcomerDefence, 0)
				: TeamStrength.AVERAGE;
		return new ScoreModel(base, homeAdvantage, rho, teams, unseen);
	}

	/** One round of updates; returns the largest change of any parameter. */
	private double sweep() {
		double[] before = snapshot();
		updateAttack();
		updateDefence();
		updateHomeAdvantage();
		updateBase();
		shiftLevel(attack, newcomerAttack);
		shiftLevel(defence, newcomerDefence);
		updateNewcomerPrior();
		double[] after = snapshot();
		double change = 0;
		for (int i = 0; i < before.length; i++) {
			change = Math.max(change, Math.abs(after[i] - before[i]));
		}
		return change;
	}

	private void updateAttack() {
		double[] scored = new double[attack.length];
		double[] expected = new double[attack.length];
		for (int m = 0; m < sample.size(); m++) {
			double w = sample.weight[m];
			int h = sample.home[m];
			int a = sample.away[m];
			scored[h] += w * sample.homeGoals[m];
			expected[h] += w * Math.exp(base + defence[a] + homeAdvantage);
			scored[a] += w * sample.awayGoals[m];
			expected[a] += w * Math.exp(base + defence[h]);
		}
		for (int t = 0; t < attack.length; t++) {
			attack[t] = Math.log((scored[t] + teamPrior * Math.exp(priorMean(t, newcomerAttack))) / (expected[t] + teamPrior));
		}
	}

	private void updateDefence() {
		double[] conceded = new double[defence.length];
		double[] expected = new double[defence.length];
		for (int m = 0; m < sample.size(); m++) {
			double w = sample.weight[m];
			int h = sample.home[m];
			int a = sample.away[m];
			conceded[h] += w * sample.awayGoals[m];
			expected[h] += w * Math.exp(base + attack[a]);
			conceded[a] += w * sample.homeGoals[m];
			expected[a] += w * Math.exp(base + attack[h] + homeAdvantage);
		}
		for (int t = 0; t < defence.length; t++) {
			defence[t] = Math.log((conceded[t] + teamPrior * Math.exp(priorMean(t, newcomerDefence))) / (expected[t] + teamPrior));
		}
	}

	private void updateHomeAdvantage() {
		double scored = priorMatches * ScoreModel.PRIOR_HOME_GOALS;
		double expected = priorMatches * Math.exp(base);
		for (int m = 0; m < sample.size(); m++) {
			scored += sample.weight[m] * sample.homeGoals[m];
			expected += sample.weight[m] * Math.exp(base + attack[sample.home[m]] + defence[sample.away[m]]);
		}
		homeAdvantage = Math.log(scored / expected);
	}

	private void updateBase() {
		double scored = priorMatches * (ScoreModel.PRIOR_HOME_GOALS + ScoreModel.PRIOR_AWAY_GOALS);
		double expected = priorMatches * (Math.exp(homeAdvantage) + 1);
		for (int m = 0; m < sample.size(); m++) {
			int h = sample.home[m];
			int a = sample.away[m];
			scored += sample.weight[m] * (sample.homeGoals[m] + sample.awayGoals[m]);
			expected += sample.weight[m]
					* (Math.exp(attack[h] + defence[a] + homeAdvantage) + Math.exp(attack[a] + defence[h]));
		}
		base = Math.log(scored / expected);
	}

	private double priorMean(int team, double newcomerMean) {
		return newcomer[team] ? newcomerMean : 0;
	}

	/**
	 * The newcomer prior: the mean attack and defence of the {@value #WEAKEST} established teams with the
	 * lowest {@code α − β}. Promoted teams are usually among the weakest, and treating them as average
	 * (the prior of every other team) is far too generous.
	 */
	private void updateNewcomerPrior() {
		if (!canRankEstablished) {
			return;
		}
		Integer[] established = IntStream.range(0, attack.length)
			.filter(t -> !newcomer[t])
			.boxed()
			.sorted(Comparator.comparingDouble(t -> attack[t] - defence[t]))
			.toArray(Integer[]::new);
		double a = 0;
		double d = 0;
		for (int i = 0; i < WEAKEST; i++) {
			a += attack[established[i]] / WEAKEST;
			d += defence[established[i]] / WEAKEST;
		}
		newcomerAttack = a;
		newcomerDefence = d;
	}

	/**
	 * Adds c to every strength and takes it from the base, with c maximising the priors (the
	 * likelihood does not change): Newton's method on
	 * {@code g(c) = prior · Σ(exp(m) - exp(s + c)) - k · (2.6 - exp(μ0 - c) · (exp(γ) + 1))}, where m
	 * is each team's prior mean (0, or the newcomer mean); g falls as c grows, so the root is unique.
	 */
	private void shiftLevel(double[] strengths, double newcomerMean) {
		double leagueGoals = priorMatches * (ScoreModel.PRIOR_HOME_GOALS + ScoreModel.PRIOR_AWAY_GOALS);
		double sum = 0;
		double priorSum = 0;
		for (int t = 0; t < strengths.length; t++) {
			sum += Math.exp(strengths[t]);
			priorSum += Math.exp(priorMean(t, newcomerMean));
		}
		double c = 0;
		for (int i = 0; i < NEWTON_STEPS; i++) {
			double teams = teamPrior * sum * Math.exp(c);
			double league = priorMatches * Math.exp(base - c) * (Math.exp(homeAdvantage) + 1);
			double slope = teamPrior * priorSum - teams - leagueGoals + league;
			double step = Math.max(-1, Math.min(1, slope / (teams + league)));
			c += step;
			if (Math.abs(step) < 1e-12) {
				break;
			}
		}
		for (int t = 0; t < strengths.length; t++) {
			strengths[t] += c;
		}
		base -= c;
	}

	private double[] snapshot() {
		double[] all = new double[attack.length + defence.length + 2];
		System.arraycopy(attack, 0, all, 0, attack.length);
		System.arraycopy(defence, 0, all, attack.length, defence.length);
		all[all.length - 2] = base;
		all[all.length - 1] = homeAdvantage;
		return all;
	}
}
