package io.analytips.backtest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import io.analytips.football.analysis.CornerCount;
import io.analytips.football.analysis.CornerMarkets;
import io.analytips.football.analysis.CornerPriors;
import io.analytips.football.analysis.CornerStats;
import io.analytips.football.analysis.CountDistribution;
import io.analytips.football.analysis.OverUnder;
import io.analytips.football.sim.data.HistoricalMatch;

/**
 * Replays a league's total corners in kick-off order, as the bot prices them: each team's last
 * {@link #RECENT_MATCHES} matches of this season and the last (its {@code History}) before the match's day,
 * averaged by {@link CornerStats#fromRecent} and priced by {@link CornerMarkets#from} with the bot's
 * {@link CornerPriors#DEFAULT}, and again with a variance/mean ratio fitted on the seasons before. A match
 * where neither team has a recent match gets no forecast, as in the bot.
 */
final class CornersWalk {

	/** The bot's {@code api-football.corner-sample} (application.yml): recent matches read per team. */
	static final int RECENT_MATCHES = 5;

	/** The variance/mean ratios tried, 1.00 to 2.00 by 0.01 (at 1 and below the total is Poisson). */
	static final double RATIO_MIN = 1.0;

	static final double RATIO_MAX = 2.0;

	static final double RATIO_STEP = 0.01;

	private CornersWalk() {
	}

	/**
	 * One match's forecasts of the total-corner lines ({@link CornerMarkets#LINES}), each array in that order.
	 *
	 * @param total the corners the match had
	 * @param expectedTotal the bot's expected total
	 * @param fixed P(over) with the bot's variance/mean ratio
	 * @param ratio the ratio fitted on the seasons before this one
	 * @param fitted P(over) with {@code ratio}
	 * @param frequency the league's over frequency in the three years before, with one pseudo-match each way
	 * @param asTheBot P(over) with the bot's own priors ({@link CornerPriors#DEFAULT}): {@code fixed} unless other
	 *        priors were asked for
	 */
	record Forecast(int season, LocalDate date, String home, String away, int total, double expectedTotal,
			double[] fixed, double ratio, double[] fitted, double[] frequency, double[] asTheBot) {

		boolean over(int line) {
			return total > CornerMarkets.LINES.get(line);
		}
	}

	/**
	 * The forecasts of seasons {@code from}..{@code to} and the ratio fitted for each.
	 *
	 * @param forecasts the matches with a forecast, in kick-off order
	 * @param ratios each season's fitted ratio
	 * @param tuningMatches how many earlier matches each season's ratio was fitted on
	 * @param unforecast matches of the seasons with corner counts but no forecast (neither team had a match)
	 */
	record Run(List<Forecast> forecasts, TreeMap<Integer, Double> ratios, TreeMap<Integer, Integer> tuningMatches,
			int unforecast) {
	}

	/** Whether both sides' corner counts are known. */
	static boolean hasCorners(HistoricalMatch m) {
		return m.homeStats() != null && m.awayStats() != null && m.homeStats().corners() != null
				&& m.awayStats().corners() != null;
	}

	/**
	 * Walks {@code matches} (one league, in kick-off order); every earlier match with corner counts feeds the
	 * later forecasts.
	 */
	static Run run(List<HistoricalMatch> matches, int from, int to) {
		return run(matches, from, to, CornerPriors.DEFAULT);
	}

	/**
	 * As {@link #run(List, int, int)}, pricing with {@code priors} instead of the bot's (their variance/mean
	 * ratio for the fixed forecast, their averages and pseudo-matches for both).
	 */
	static Run run(List<HistoricalMatch> matches, int from, int to, CornerPriors priors) {
		List<HistoricalMatch> counted = matches.stream().filter(CornersWalk::hasCorners).toList();
		List<CornerStats> stats = new ArrayList<>();
		List<HistoricalMatch> forecastable = new ArrayList<>();
		int unforecast = 0;
		for (int i = 0; i < counted.size(); i++) {
			HistoricalMatch match = counted.get(i);
			if (match.season() > to) {
				break;
			}
			Optional<CornerStats> record = CornerStats.fromRecent(recent(counted, i, match.homeTeam()),
					recent(counted, i, match.awayTeam()));
			if (record.isPresent()) {
				stats.add(record.get());
				forecastable.add(match);
			}
			else if (match.season() >= from) {
				unforecast++;
			}
		}
		double[] means = stats.stream().mapToDouble(s -> CornerMarkets.from(s, priors).expectedTotal())
			.toArray();
		TreeMap<Integer, Double> ratios = new TreeMap<>();
		TreeMap<Integer, Integer> tuning = new TreeMap<>();
		List<Forecast> forecasts = new ArrayList<>();
		for (int k = 0; k < forecastable.size(); k++) {
			HistoricalMatch match = forecastable.get(k);
			if (match.season() < from) {
				continue;
			}
			int season = match.season();
			if (!ratios.containsKey(season)) {
				int before = (int) forecastable.stream().filter(m -> m.season() < season).count();
				tuning.put(season, before);
				ratios.put(season,
						before == 0 ? priors.varianceToMean() : fitRatio(means, totals(forecastable), before));
			}
			double ratio = ratios.get(season);
			CornerPriors fitted = priors.withVarianceToMean(ratio);
			CornerMarkets bot = CornerMarkets.from(stats.get(k), priors);
			forecasts.add(new Forecast(season, match.kickoffUtc().toLocalDate(), match.homeTeam(), match.awayTeam(),
					total(match), bot.expectedTotal(), overs(bot), ratio, overs(CornerMarkets.from(stats.get(k), fitted)),
					frequencies(counted, match), priors.equals(CornerPriors.DEFAULT) ? overs(bot)
							: overs(CornerMarkets.from(stats.get(k), CornerPriors.DEFAULT))));
		}
		return new Run(List.copyOf(forecasts), ratios, tuning, unforecast);
	}

	/**
	 * The ratio of the grid that maximises the log likelihood of the first {@code count} matches' totals around
	 * their forecast means; the bot's own ratio when there are none.
	 */
	static double fitRatio(double[] means, int[] totals, int count) {
		if (count == 0) {
			return CornerPriors.DEFAULT.varianceToMean();
		}
		double best = RATIO_MIN;
		double bestLikelihood = Double.NEGATIVE_INFINITY;
		int steps = (int) Math.round((RATIO_MAX - RATIO_MIN) / RATIO_STEP);
		for (int s = 0; s <= steps; s++) {
			double ratio = RATIO_MIN + s * RATIO_STEP;
			double likelihood = 0;
			for (int m = 0; m < count; m++) {
				likelihood += Math.log(CountDistribution.probability(means[m], ratio, totals[m]));
			}
			if (likelihood > bestLikelihood) {
				bestLikelihood = likelihood;
				best = ratio;
			}
		}
		return best;
	}

	/** The team's last matches before the day of {@code counted[index]}, in its season and the one before. */
	private static List<CornerCount> recent(List<HistoricalMatch> counted, int index, String team) {
		HistoricalMatch match = counted.get(index);
		LocalDate day = match.kickoffUtc().toLocalDate();
		List<CornerCount> recent = new ArrayList<>();
		for (int j = index - 1; j >= 0 && recent.size() < RECENT_MATCHES; j--) {
			HistoricalMatch past = counted.get(j);
			if (past.season() < match.season() - 1) {
				break;
			}
			if (!past.kickoffUtc().toLocalDate().isBefore(day)) {
				continue;
			}
			if (past.homeTeam().equals(team)) {
				recent.add(new CornerCount(past.homeStats().corners(), past.awayStats().corners()));
			}
			else if (past.awayTeam().equals(team)) {
				recent.add(new CornerCount(past.awayStats().corners(), past.homeStats().corners()));
			}
		}
		return recent;
	}

	/** Each line's over frequency over the matches 1 to 1,095 days before, Laplace-smoothed as in WalkForward. */
	private static double[] frequencies(List<HistoricalMatch> counted, HistoricalMatch match) {
		double[] over = new double[CornerMarkets.LINES.size()];
		int seen = 0;
		LocalDate day = match.kickoffUtc().toLocalDate();
		for (HistoricalMatch past : counted) {
			long age = ChronoUnit.DAYS.between(past.kickoffUtc().toLocalDate(), day);
			if (age >= 1 && age <= WalkForward.FREQUENCY_DAYS) {
				for (int l = 0; l < over.length; l++) {
					over[l] += total(past) > CornerMarkets.LINES.get(l) ? 1 : 0;
				}
				seen++;
			}
		}
		for (int l = 0; l < over.length; l++) {
			over[l] = (over[l] + 1) / (seen + 2);
		}
		return over;
	}

	private static double[] overs(CornerMarkets markets) {
		return markets.lines().stream().mapToDouble(OverUnder::over).toArray();
	}

	private static int[] totals(List<HistoricalMatch> matches) {
		return matches.stream().mapToInt(CornersWalk::total).toArray();
	}

	private static int total(HistoricalMatch match) {
		return match.homeStats().corners() + match.awayStats().corners();
	}
}
