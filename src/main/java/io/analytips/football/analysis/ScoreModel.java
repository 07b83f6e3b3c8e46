package io.analytips.football.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A Dixon-Coles goal model: each team has an attack α and a defence β (log scale, 0 is league
 * average), the league has a base rate μ0 and a home advantage γ, and
 * {@code log λ = μ0 + α_home + β_away + γ}, {@code log μ = μ0 + α_away + β_home}. The low-score
 * correction ρ is applied by {@link ScoreMatrix#dixonColes}.
 * <p>
 * Immutable and thread-safe.
 */
public final class ScoreModel {

	/** League-average home goals used when there is no data (research note: EPL 1.55, Brazil 1.41). */
	static final double PRIOR_HOME_GOALS = 1.45;

	/** League-average away goals used when there is no data (EPL 1.25, Brazil 0.96). */
	static final double PRIOR_AWAY_GOALS = 1.15;

	private final double base;

	private final double homeAdvantage;

	private final double rho;

	private final Map<Long, TeamStrength> teams;

	/** The strength of a team the fit has not seen: league average, or the newcomer prior. */
	private final TeamStrength unseen;

	ScoreModel(double base, double homeAdvantage, double rho, Map<Long, TeamStrength> teams) {
		this(base, homeAdvantage, rho, teams, TeamStrength.AVERAGE);
	}

	ScoreModel(double base, double homeAdvantage, double rho, Map<Long, TeamStrength> teams, TeamStrength unseen) {
		this.base = base;
		this.homeAdvantage = homeAdvantage;
		this.rho = rho;
		this.teams = Map.copyOf(teams);
		this.unseen = unseen;
	}

	/** The model before any data: league-average priors for every team and no low-score correction. */
	static ScoreModel leagueAverage() {
		return new ScoreModel(Math.log(PRIOR_AWAY_GOALS), Math.log(PRIOR_HOME_GOALS / PRIOR_AWAY_GOALS), 0, Map.of());
	}

	/**
	 * Fits the model to the results played before {@code asOf} and inside the options' window,
	 * each weighted by {@code exp(-ξ · age in days)}. Strengths are shrunk towards league average
	 * by the options' pseudo-matches, so small samples give moderate parameters. Never fails for
	 * lack of data: with no usable result the model is the league-average prior (1.45 – 1.15, ρ = 0).
	 *
	 * @throws NullPointerException if an argument or a result is null
	 */
	public static ScoreModel fit(List<MatchResult> results, LocalDate asOf, FitOptions options) {
		return DixonColesFit.fit(results, asOf, options);
	}

	/**
	 * Expected goals when {@code home} hosts {@code away}. A team not in the fit counts as league average, or,
	 * with {@link FitOptions#newcomerPrior()}, as the mean of the league's weakest teams (a promoted side
	 * before its first match).
	 */
	public ExpectedGoals expectedGoals(long home, long away) {
		TeamStrength h = strength(home);
		TeamStrength a = strength(away);
		return new ExpectedGoals(Math.exp(base + h.attack() + a.defence() + homeAdvantage),
				Math.exp(base + a.attack() + h.defence()));
	}

	/**
	 * Expected goals of {@code team} (first) against a league-average side on neutral ground: half the home
	 * advantage each, so that a team's rating does not depend on where it plays next.
	 */
	public ExpectedGoals againstAverageOnNeutralGround(long team) {
		TeamStrength t = strength(team);
		double halfHome = homeAdvantage / 2;
		return new ExpectedGoals(Math.exp(base + t.attack() + halfHome), Math.exp(base + t.defence() + halfHome));
	}

	/** The Dixon-Coles low-score correction, in [-0.2, 0.1]; negative makes 0-0 and 1-1 likelier. */
	public double rho() {
		return rho;
	}

	/** The home advantage γ on the log scale: home sides score {@code exp(γ)} times as many goals. */
	public double homeAdvantage() {
		return homeAdvantage;
	}

	/** How many of the team's matches the fit used (0 for a team it has not seen). */
	public int matchesOf(long team) {
		return strength(team).matches();
	}

	/** Expected goals in a match between two league-average teams. */
	public double leagueGoalsPerMatch() {
		return Math.exp(base) * (Math.exp(homeAdvantage) + 1);
	}

	/** The team's attack α (log scale; for a team not in the fit, 0 or the newcomer prior). */
	double attack(long team) {
		return strength(team).attack();
	}

	/** The team's defence β (log scale; higher concedes more; for a team not in the fit, 0 or the newcomer prior). */
	double defence(long team) {
		return strength(team).defence();
	}

	private TeamStrength strength(long team) {
		return teams.getOrDefault(team, unseen);
	}

	@Override
	public String toString() {
		return "ScoreModel[teams=" + teams.size() + ", goals=" + leagueGoalsPerMatch() + ", homeAdvantage="
				+ homeAdvantage + ", rho=" + rho + "]";
	}
}
