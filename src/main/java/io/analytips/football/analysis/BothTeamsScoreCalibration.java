package io.analytips.football.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Pulls the score matrix's P(both teams score) towards the league's own recent frequency:
 * {@code (1 − w) · model + w · frequency}. The matrix pins the chance of each side drawing a blank through
 * {@code exp(−λ)} and {@code exp(−μ)}, so every error in the goal level or in how goals are spread (the Série A's
 * home goals are less dispersed than a Poisson count: fewer blanks than {@code exp(−λ)} says) lands on the BTTS;
 * the league's base rate carries none of that error. The weight {@code w} is each league's own, chosen by the
 * backtest on the seasons before (docs/model.md, "Both teams to score").
 *
 * @param frequencyWeight w, from 0 (the matrix's probability as it is) to 1 (the league frequency alone)
 */
public record BothTeamsScoreCalibration(double frequencyWeight) {

	/** The matrix's probability unchanged. */
	public static final BothTeamsScoreCalibration NONE = new BothTeamsScoreCalibration(0);

	/** The league frequency counts the results of this many days before the fit day: what the bot always has. */
	public static final int FREQUENCY_DAYS = 365;

	public BothTeamsScoreCalibration {
		if (!(frequencyWeight >= 0 && frequencyWeight <= 1)) {
			throw new IllegalArgumentException("frequencyWeight must be between 0 and 1: " + frequencyWeight);
		}
	}

	/**
	 * The calibrated P(both teams score).
	 *
	 * @param model the score matrix's probability
	 * @param leagueFrequency the league's recent frequency ({@link #leagueFrequency})
	 * @throws IllegalArgumentException if either is not a probability
	 */
	public double apply(double model, double leagueFrequency) {
		Probabilities.requireProbability(model, "model");
		Probabilities.requireProbability(leagueFrequency, "leagueFrequency");
		return (1 - frequencyWeight) * model + frequencyWeight * leagueFrequency;
	}

	/** The markets with their both-teams-to-score probability calibrated; every other market as it was. */
	public Markets apply(Markets markets, double leagueFrequency) {
		Objects.requireNonNull(markets, "markets");
		return markets.withBothTeamsScore(apply(markets.bothTeamsScore(), leagueFrequency));
	}

	/**
	 * The share of {@code results} played 1 to {@value #FREQUENCY_DAYS} days before {@code asOf} in which both teams
	 * scored, with one pseudo-match each way ({@code (both + 1) / (matches + 2)}, ½ without any), so that a
	 * league's first days never give 0 or 1.
	 */
	public static double leagueFrequency(List<MatchResult> results, LocalDate asOf) {
		Objects.requireNonNull(asOf, "asOf");
		int matches = 0;
		int both = 0;
		for (MatchResult result : results) {
			long age = ChronoUnit.DAYS.between(result.date(), asOf);
			if (age >= 1 && age <= FREQUENCY_DAYS) {
				matches++;
				both += result.homeGoals() > 0 && result.awayGoals() > 0 ? 1 : 0;
			}
		}
		return (both + 1.0) / (matches + 2.0);
	}
}
