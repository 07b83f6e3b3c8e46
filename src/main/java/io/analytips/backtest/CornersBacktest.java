package io.analytips.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import io.analytips.football.analysis.CornerMarkets;
import io.analytips.football.analysis.CornerPriors;
import io.analytips.football.analysis.ScoringRules;
import io.analytips.football.sim.data.HistoricalData;
import io.analytips.football.sim.data.HistoricalMatch;

/**
 * The corners backtest ({@code --market corners}): scores the bot's total-corner lines walk-forward
 * ({@link CornersWalk}) against the league's over frequency and ½, measures the calibration of P(over 9.5) and
 * compares the bot's variance/mean ratio with one fitted on the seasons before, and writes the report
 * (Markdown) under the output directory.
 */
final class CornersBacktest {

	/** The line the calibration target is set on. */
	static final int MAIN_LINE = CornerMarkets.LINES.indexOf(9.5);

	private CornersBacktest() {
	}

	/** A forecaster of the total-corner lines: where its P(over) sits in a forecast. */
	enum CornerForecaster {
		MODEL("model, bot's φ = " + CornerPriors.DEFAULT.varianceToMean()), FITTED("model, φ fitted on earlier seasons"),
		LEAGUE_FREQUENCY("league frequency"), UNIFORM("uniform"),
		/** The bot as it runs: its pseudo-matches too (what {@code --corner-prior} is compared with). */
		AS_THE_BOT("the bot's own " + CornerPriors.PRIOR_MATCHES + " pseudo-matches");

		final String label;

		CornerForecaster(String label) {
			this.label = label;
		}

		double over(CornersWalk.Forecast f, int line) {
			return switch (this) {
				case MODEL -> f.fixed()[line];
				case FITTED -> f.fitted()[line];
				case LEAGUE_FREQUENCY -> f.frequency()[line];
				case UNIFORM -> 0.5;
				case AS_THE_BOT -> f.asTheBot()[line];
			};
		}
	}

	/**
	 * One paired comparison: {@code model}'s score minus {@code against}'s on line {@code line} (an index of
	 * {@link CornerMarkets#LINES}), the log score when {@code log} and the Brier score otherwise, with the mean's
	 * standard error; {@link #low()} and {@link #high()} bound its 95% interval.
	 */
	record Difference(CornerForecaster model, CornerForecaster against, int line, boolean log, double mean,
			double standardError) {

		double low() {
			return mean - PairedDifference.Z_95 * standardError;
		}

		double high() {
			return mean + PairedDifference.Z_95 * standardError;
		}
	}

	/**
	 * The result.
	 *
	 * @param options the options run, with the seasons scored: those requested that have corner counts
	 * @param run the walk's forecasts and fitted ratios
	 * @param differences the paired comparisons, in the report's order
	 * @param reliability the calibration of the bot's P(over 9.5)
	 * @param files the files written
	 */
	record Result(BacktestOptions options, CornersWalk.Run run, List<Difference> differences, Reliability reliability,
			List<Path> files) {

		/** A forecaster's mean Brier score (or log score) on a line. */
		double mean(CornerForecaster f, int line, boolean log) {
			return run.forecasts().stream().mapToDouble(score(f, line, log)).average().orElse(Double.NaN);
		}

		Difference difference(CornerForecaster model, CornerForecaster against, int line, boolean log) {
			return differences.stream()
				.filter(d -> d.model() == model && d.against() == against && d.line() == line && d.log() == log)
				.findFirst()
				.orElseThrow();
		}
	}

	/**
	 * Runs the corners backtest on the requested seasons that have corner counts.
	 *
	 * @throws IllegalArgumentException when none of the requested seasons has corner counts (the Série A
	 *         file has none)
	 */
	static Result run(HistoricalData data, BacktestOptions requested) throws IOException {
		List<HistoricalMatch> matches = data.matches(requested.league().leagueId);
		TreeSet<Integer> withCorners = seasonsWithCorners(matches);
		int from = withCorners.isEmpty() ? requested.from() : Math.max(requested.from(), withCorners.first());
		int to = withCorners.isEmpty() ? requested.to() : Math.min(requested.to(), withCorners.last());
		if (from > to || withCorners.subSet(from, true, to, true).isEmpty()) {
			throw new IllegalArgumentException("no " + requested.league() + " matches with corner counts in seasons "
					+ requested.seasonRange() + "; the data holds " + Backtest.held(requested.league(), withCorners));
		}
		BacktestOptions options = requested.seasons(from, to);
		CornersWalk.Run run = CornersWalk.run(matches, from, to,
				CornerPriors.DEFAULT.withPriorMatches(options.cornerPrior()));
		List<Difference> differences = new ArrayList<>();
		for (boolean log : new boolean[] { false, true }) {
			differences.add(difference(run, CornerForecaster.MODEL, CornerForecaster.LEAGUE_FREQUENCY, MAIN_LINE, log));
			differences.add(difference(run, CornerForecaster.MODEL, CornerForecaster.UNIFORM, MAIN_LINE, log));
			differences.add(difference(run, CornerForecaster.FITTED, CornerForecaster.MODEL, MAIN_LINE, log));
			if (options.cornerPrior() != CornerPriors.PRIOR_MATCHES) {
				// other pseudo-matches against the bot's own, match by match: what adopting them would change
				differences.add(difference(run, CornerForecaster.MODEL, CornerForecaster.AS_THE_BOT, MAIN_LINE, log));
			}
		}
		for (int line = 0; line < CornerMarkets.LINES.size(); line++) {
			for (boolean log : new boolean[] { false, true }) {
				if (line != MAIN_LINE) {
					differences.add(
							difference(run, CornerForecaster.MODEL, CornerForecaster.LEAGUE_FREQUENCY, line, log));
				}
			}
		}
		Reliability reliability = reliability(run.forecasts(), CornerForecaster.MODEL);
		Files.createDirectories(options.out());
		Path markdown = options.out().resolve(options.stem() + "-corners.md");
		Result result = new Result(options, run, List.copyOf(differences), reliability, List.of(markdown));
		Files.writeString(markdown, CornersReport.markdown(result));
		return result;
	}

	/** The seasons of {@code matches} with both sides' corner counts. */
	static TreeSet<Integer> seasonsWithCorners(List<HistoricalMatch> matches) {
		return matches.stream()
			.filter(CornersWalk::hasCorners)
			.map(HistoricalMatch::season)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** The calibration of {@code f}'s P(over 9.5) over the forecasts. */
	static Reliability reliability(List<CornersWalk.Forecast> forecasts, CornerForecaster f) {
		Reliability reliability = new Reliability();
		forecasts.forEach(x -> reliability.add(f.over(x, MAIN_LINE), x.over(MAIN_LINE)));
		return reliability;
	}

	private static Difference difference(CornersWalk.Run run, CornerForecaster model, CornerForecaster against, int line,
			boolean log) {
		ToDoubleFunction<CornersWalk.Forecast> a = score(model, line, log);
		ToDoubleFunction<CornersWalk.Forecast> b = score(against, line, log);
		double[] d = run.forecasts().stream().mapToDouble(f -> a.applyAsDouble(f) - b.applyAsDouble(f)).toArray();
		double[] meanAndError = PairedDifference.meanAndStandardError(d);
		return new Difference(model, against, line, log, meanAndError[0], meanAndError[1]);
	}

	/** Brier score, or log score (natural log) when {@code log}, of {@code f}'s P(over) on a line. */
	static ToDoubleFunction<CornersWalk.Forecast> score(CornerForecaster f, int line, boolean log) {
		return x -> log ? ScoringRules.logLoss(f.over(x, line), x.over(line))
				: ScoringRules.brier(f.over(x, line), x.over(line));
	}
}
