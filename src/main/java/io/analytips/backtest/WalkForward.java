package io.analytips.backtest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.analytips.football.analysis.BlankFactor;
import io.analytips.football.analysis.BothTeamsScoreCalibration;
import io.analytips.football.analysis.ExpectedGoals;
import io.analytips.football.analysis.FairPrices;
import io.analytips.football.analysis.FitOptions;
import io.analytips.football.analysis.ImpliedGoals;
import io.analytips.football.analysis.Margin;
import io.analytips.football.analysis.Markets;
import io.analytips.football.analysis.MatchResult;
import io.analytips.football.analysis.OneXTwo;
import io.analytips.football.analysis.ScoreMatrix;
import io.analytips.football.analysis.ScoreModel;
import io.analytips.football.analysis.ScoringRules;
import io.analytips.football.sim.data.BookmakerOdds;
import io.analytips.football.sim.data.HistoricalMatch;

/**
 * Replays a league in kick-off order: each match of the chosen seasons that has closing prices is predicted by
 * a model fitted on the league's results of the days before it (never the same day), exactly as the bot fits
 * once per league and day. Matches outside the chosen seasons still feed later fits.
 */
final class WalkForward {

	/** League frequencies look back this far (three seasons, as in the research note's baseline). */
	static final int FREQUENCY_DAYS = 3 * 365;

	private final List<HistoricalMatch> matches;

	private final List<MatchResult> results;

	private final FitOptions options;

	private final BlankFactor blanks;

	private final Map<LocalDate, ScoreModel> fits = new HashMap<>();

	private long fitNanos;

	private WalkForward(List<HistoricalMatch> matches, FitOptions options, double totalsWeight, boolean totalsProxy,
			ShotEvidence shots, BlankFactor blanks) {
		this.matches = matches;
		this.options = options;
		this.blanks = blanks;
		Map<String, Long> ids = new HashMap<>();
		this.results = matches.stream()
			.map(m -> new MatchResult(ids.computeIfAbsent(m.homeTeam(), name -> (long) ids.size()),
					ids.computeIfAbsent(m.awayTeam(), name -> (long) ids.size()), m.homeGoals(), m.awayGoals(),
					m.kickoffUtc().toLocalDate(), impliedGoals(m, totalsWeight, totalsProxy), shots.of(m)))
			.toList();
	}

	/**
	 * Predicts every match of seasons {@code from}..{@code to} (inclusive) that has Pinnacle's closing 1X2
	 * prices.
	 *
	 * @param matches the league's matches in kick-off order
	 */
	static Run run(List<HistoricalMatch> matches, int from, int to, FitOptions options) {
		return run(matches, from, to, options, ImpliedGoals.TOTALS_WEIGHT, false);
	}

	/**
	 * As {@link #run(List, int, int, FitOptions)}, with past matches' totals prices weighted {@code totalsWeight}
	 * in their implied goals ({@link ImpliedGoals#from(OneXTwo, double, double)}; 0 leaves them out), and, with
	 * {@code totalsProxy}, the pre-closing Betbrain average's over/under 2.5 standing in where Pinnacle's closing
	 * one is missing (2017/18 and 2018/19: the tuning season's only totals).
	 */
	static Run run(List<HistoricalMatch> matches, int from, int to, FitOptions options, double totalsWeight,
			boolean totalsProxy) {
		return run(matches, from, to, options, totalsWeight, totalsProxy, ShotEvidence.ON_TARGET);
	}

	/**
	 * As {@link #run(List, int, int, FitOptions, double, boolean)}, with {@code shots} the count of each past match's
	 * chances the fit reads when {@link FitOptions#shotsWeight()} is above 0.
	 */
	static Run run(List<HistoricalMatch> matches, int from, int to, FitOptions options, double totalsWeight,
			boolean totalsProxy, ShotEvidence shots) {
		return run(matches, from, to, options, totalsWeight, totalsProxy, shots, BlankFactor.NONE);
	}

	/**
	 * As {@link #run(List, int, int, FitOptions, double, boolean, ShotEvidence)}, with each match's score matrix built
	 * with {@code blanks} ({@link ScoreMatrix#dixonColes(ExpectedGoals, double, BlankFactor)}); the fits are the same.
	 */
	static Run run(List<HistoricalMatch> matches, int from, int to, FitOptions options, double totalsWeight,
			boolean totalsProxy, ShotEvidence shots, BlankFactor blanks) {
		WalkForward walk = new WalkForward(matches, options, totalsWeight, totalsProxy, shots, blanks);
		List<Prediction> predictions = new ArrayList<>();
		for (int m = 0; m < matches.size(); m++) {
			HistoricalMatch match = matches.get(m);
			Optional<BookmakerOdds> closing = closing(match);
			if (match.season() >= from && match.season() <= to && closing.isPresent()) {
				predictions.add(walk.predict(m, closing.get()));
			}
		}
		return new Run(List.copyOf(predictions), walk.fits.size(), walk.fitNanos);
	}

	/**
	 * The predictions, how many fits they took (one per match day) and the time spent fitting.
	 */
	record Run(List<Prediction> predictions, int fits, long fitNanos) {
	}

	private Prediction predict(int index, BookmakerOdds closing) {
		HistoricalMatch match = matches.get(index);
		MatchResult result = results.get(index);
		ScoreModel model = fits.computeIfAbsent(result.date(), this::fit);
		ExpectedGoals xg = model.expectedGoals(result.homeTeam(), result.awayTeam());
		Markets markets = Markets.from(ScoreMatrix.dixonColes(xg, model.rho(), blanks));
		double[] closingOneXTwo = Margin.multiplicative(closing.home(), closing.draw(), closing.away());
		Double closingOver = closing.over25() == null || closing.under25() == null ? null
				: Margin.multiplicative(closing.over25(), closing.under25())[0];
		// Laplace's rule of succession: one pseudo-match per outcome (the mean of the frequencies under a uniform
		// prior). Raw frequencies call an outcome not yet seen impossible: on the first days of the data (2017/18 in
		// the Premier League, 2012 in the Série A) no draw has been played, a draw then scores an infinite log loss,
		// and the baseline's mean is Infinity. With no match seen this is uniform; over three seasons (about 1,100
		// matches) it moves a frequency by less than 0.001.
		double[] frequencies = { 1, 1, 1 };
		double over = 1;
		double btts = 1;
		int counted = 0;
		for (MatchResult past : results) {
			long age = ChronoUnit.DAYS.between(past.date(), result.date());
			if (age >= 1 && age <= FREQUENCY_DAYS) {
				frequencies[ScoringRules.outcome(past.homeGoals(), past.awayGoals())]++;
				over += past.homeGoals() + past.awayGoals() > 2.5 ? 1 : 0;
				btts += past.homeGoals() > 0 && past.awayGoals() > 0 ? 1 : 0;
				counted++;
			}
		}
		for (int k = 0; k < 3; k++) {
			frequencies[k] /= counted + 3;
		}
		over /= counted + 2;
		btts /= counted + 2;
		return new Prediction(match.season(), result.date(), match.homeTeam(), match.awayTeam(), match.homeGoals(),
				match.awayGoals(), xg.home(), xg.away(), markets.result().toArray(), closingOneXTwo, frequencies,
				markets.goals(2.5).over(), closingOver, over, markets.bothTeamsScore(), btts,
				BothTeamsScoreCalibration.leagueFrequency(results, result.date()),
				Math.min(model.matchesOf(result.homeTeam()), model.matchesOf(result.awayTeam())), match.odds());
	}

	private ScoreModel fit(LocalDate day) {
		long start = System.nanoTime();
		ScoreModel model = ScoreModel.fit(results, day, options);
		fitNanos += System.nanoTime() - start;
		return model;
	}

	/**
	 * The goals a match's closing prices implied, which later fits may learn from (the match itself is
	 * never fitted on before its day), or {@code null} without prices: from the 1X2 and, where the match has
	 * them, the over/under 2.5 prices, as the bot converts the prices it stored.
	 */
	private static ExpectedGoals impliedGoals(HistoricalMatch match, double totalsWeight, boolean totalsProxy) {
		Optional<BookmakerOdds> closing = closing(match);
		if (closing.isEmpty()) {
			return null;
		}
		BookmakerOdds odds = closing.get();
		double[] fair = Margin.multiplicative(odds.home(), odds.draw(), odds.away());
		OneXTwo oneXTwo = new OneXTwo(fair[0], fair[1], fair[2]);
		Optional<BookmakerOdds> totals = Optional.of(odds).filter(WalkForward::hasTotals);
		if (totals.isEmpty() && totalsProxy) {
			totals = match.odds().stream()
				.filter(o -> o.bookmakerId() == BookmakerOdds.MARKET_AVERAGE_PRE_CLOSING && hasTotals(o))
				.findFirst();
		}
		Double over = totals.map(t -> Margin.multiplicative(t.over25(), t.under25())[0]).orElse(null);
		return new FairPrices(oneXTwo, over).impliedGoals(totalsWeight);
	}

	private static boolean hasTotals(BookmakerOdds odds) {
		return odds.over25() != null && odds.under25() != null;
	}

	/** Pinnacle's closing prices: the sharpest book, and the research note's benchmark. */
	static Optional<BookmakerOdds> closing(HistoricalMatch match) {
		return match.odds().stream().filter(o -> o.bookmakerId() == BookmakerOdds.PINNACLE).findFirst();
	}
}
