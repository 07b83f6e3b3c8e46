package io.analytips.football.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The results a fit may use (before the fit date, inside the window), indexed by team, with their time weights. */
final class WeightedSample {

	final long[] teamIds;

	final int[] played;

	final int[] home;

	final int[] away;

	/** What the strengths are fitted to: the score, or its blend with the market's implied goals. */
	final double[] homeGoals;

	final double[] awayGoals;

	/** The scores as played, for ρ. */
	final int[] homeScore;

	final int[] awayScore;

	final double[] weight;

	/** Each team's first match in the sample, in days after the sample's first match. */
	final long[] firstDay;

	private WeightedSample(List<MatchResult> used, Map<Long, Integer> index, LocalDate asOf, double xiPerDay,
			double marketWeight, double shotsWeight) {
		int size = used.size();
		this.teamIds = new long[index.size()];
		index.forEach((id, i) -> teamIds[i] = id);
		this.played = new int[index.size()];
		this.home = new int[size];
		this.away = new int[size];
		this.homeGoals = new double[size];
		this.awayGoals = new double[size];
		this.homeScore = new int[size];
		this.awayScore = new int[size];
		this.weight = new double[size];
		this.firstDay = new long[index.size()];
		Arrays.fill(firstDay, Long.MAX_VALUE);
		LocalDate start = used.stream().map(MatchResult::date).min(LocalDate::compareTo).orElse(asOf);
		double perShot = shotsWeight == 0 ? Double.NaN : goalsPerShot(used);
		for (int m = 0; m < size; m++) {
			MatchResult result = used.get(m);
			home[m] = index.get(result.homeTeam());
			away[m] = index.get(result.awayTeam());
			played[home[m]]++;
			played[away[m]]++;
			homeScore[m] = result.homeGoals();
			awayScore[m] = result.awayGoals();
			double scoredHome = result.homeGoals();
			double scoredAway = result.awayGoals();
			ShotCounts shots = result.shots();
			if (shots != null && !Double.isNaN(perShot)) {
				scoredHome = (1 - shotsWeight) * scoredHome + shotsWeight * perShot * shots.home();
				scoredAway = (1 - shotsWeight) * scoredAway + shotsWeight * perShot * shots.away();
			}
			ExpectedGoals market = result.market();
			double w = market == null ? 0 : marketWeight;
			homeGoals[m] = (1 - w) * scoredHome + (w == 0 ? 0 : w * market.home());
			awayGoals[m] = (1 - w) * scoredAway + (w == 0 ? 0 : w * market.away());
			weight[m] = Math.exp(-xiPerDay * ChronoUnit.DAYS.between(result.date(), asOf));
			long day = ChronoUnit.DAYS.between(start, result.date());
			firstDay[home[m]] = Math.min(firstDay[home[m]], day);
			firstDay[away[m]] = Math.min(firstDay[away[m]], day);
		}
	}

	/** Keeps the results played before {@code asOf} and at most {@code windowDays} days before it. */
	static WeightedSample of(List<MatchResult> results, LocalDate asOf, FitOptions options) {
		Objects.requireNonNull(results, "results");
		Objects.requireNonNull(asOf, "asOf");
		Objects.requireNonNull(options, "options");
		List<MatchResult> used = new ArrayList<>();
		Map<Long, Integer> index = new HashMap<>();
		for (MatchResult result : results) {
			Objects.requireNonNull(result, "result");
			long age = ChronoUnit.DAYS.between(result.date(), asOf);
			if (age >= 1 && age <= options.windowDays()) {
				used.add(result);
				index.putIfAbsent(result.homeTeam(), index.size());
				index.putIfAbsent(result.awayTeam(), index.size());
			}
		}
		return new WeightedSample(used, index, asOf, options.xiPerDay(), options.marketWeight(),
				options.shotsWeight());
	}

	/**
	 * The league's goals per shot over the results with shot counts among {@code used} (all before the fit date), or
	 * NaN when they have no shot at all: then no result's shots can be turned into goals and the scores stand alone.
	 */
	static double goalsPerShot(List<MatchResult> used) {
		long goals = 0;
		long shots = 0;
		for (MatchResult result : used) {
			if (result.shots() != null) {
				goals += result.homeGoals() + result.awayGoals();
				shots += result.shots().home() + result.shots().away();
			}
		}
		return shots == 0 ? Double.NaN : (double) goals / shots;
	}

	int size() {
		return weight.length;
	}

	int teams() {
		return teamIds.length;
	}

	double totalWeight() {
		double total = 0;
		for (double w : weight) {
			total += w;
		}
		return total;
	}

	double weightedGoals() {
		double total = 0;
		for (int m = 0; m < size(); m++) {
			total += weight[m] * (homeGoals[m] + awayGoals[m]);
		}
		return total;
	}
}
