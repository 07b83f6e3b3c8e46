package io.analytips.backtest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.analytips.football.analysis.OneXTwo;
import io.analytips.football.analysis.OwnPriceBlend;
import io.analytips.football.analysis.ScoringRules;
import io.analytips.football.sim.data.BookmakerOdds;

/**
 * One match of the backtest with every forecaster's probabilities, made before the match.
 *
 * @param season the season (start year)
 * @param date the match day (UTC)
 * @param home the home club
 * @param away the away club
 * @param homeGoals the home side's final goals
 * @param awayGoals the away side's final goals
 * @param homeXg the model's expected home goals
 * @param awayXg the model's expected away goals
 * @param model the model's 1X2 probabilities
 * @param closing the closing line's 1X2 probabilities, margin removed
 * @param frequencies the league's home/draw/away frequencies over the three years before, each outcome counted
 *        with one pseudo-match more (Laplace), so none is ever 0
 * @param modelOver25 the model's P(over 2.5 goals)
 * @param closingOver25 the closing line's P(over 2.5), margin removed, or {@code null} without totals prices
 * @param frequencyOver25 the share of matches over 2.5 goals in the three years before, with one pseudo-match
 *        over and one under
 * @param modelBtts the model's P(both teams score): the score matrix's
 *        ({@link io.analytips.football.analysis.Markets#bothTeamsScore()}) out of the walk, calibrated by
 *        {@link BttsWeights} with the weight chosen on the seasons before, as the bot calibrates it
 * @param frequencyBtts the share of matches in which both teams scored in the three years before, with one
 *        pseudo-match each way
 * @param leagueBttsFrequency the league frequency the BTTS calibration leans on
 *        ({@link io.analytips.football.analysis.BothTeamsScoreCalibration#leagueFrequency}: the year before)
 * @param dataSize the smaller of the two teams' matches in the model, as the bot's confidence counts it
 * @param odds every price the data holds for the match (closing and, where there are some, pre-closing)
 */
record Prediction(int season, LocalDate date, String home, String away, int homeGoals, int awayGoals, double homeXg,
		double awayXg, double[] model, double[] closing, double[] frequencies, double modelOver25, Double closingOver25,
		double frequencyOver25, double modelBtts, double frequencyBtts, double leagueBttsFrequency, int dataSize, List<BookmakerOdds> odds) {

	Prediction {
		odds = List.copyOf(odds);
	}

	/** The same prediction with another model P(both teams score). */
	Prediction withModelBtts(double probability) {
		return new Prediction(season, date, home, away, homeGoals, awayGoals, homeXg, awayXg, model, closing, frequencies,
				modelOver25, closingOver25, frequencyOver25, probability, frequencyBtts, leagueBttsFrequency, dataSize, odds);
	}

	/**
	 * The same prediction with the model's 1X2 and P(over 2.5) pooled by {@code blend} with the match's own Pinnacle
	 * pre-closing prices (the over only where those prices have totals); unchanged without such prices. The closing
	 * price is never pooled: it is what the forecasts are scored against.
	 */
	Prediction withOwnPrice(OwnPriceBlend blend) {
		Optional<BookmakerOdds> preClosing = prices(BookmakerOdds.PINNACLE_PRE_CLOSING);
		if (preClosing.isEmpty() || !blend.blends()) {
			return this;
		}
		BookmakerOdds own = preClosing.get();
		double[] pooled = blend.oneXTwo(new OneXTwo(model[0], model[1], model[2]),
				new double[] { own.home(), own.draw(), own.away() }).toArray();
		double over = own.over25() == null || own.under25() == null ? modelOver25
				: blend.over(modelOver25, new double[] { own.over25(), own.under25() });
		return new Prediction(season, date, home, away, homeGoals, awayGoals, homeXg, awayXg, pooled, closing,
				frequencies, over, closingOver25, frequencyOver25, modelBtts, frequencyBtts, leagueBttsFrequency, dataSize,
				odds);
	}

	static final double[] UNIFORM = { 1.0 / 3, 1.0 / 3, 1.0 / 3 };

	/** 0 home win, 1 draw, 2 away win. */
	int outcome() {
		return ScoringRules.outcome(homeGoals, awayGoals);
	}

	boolean over25() {
		return homeGoals + awayGoals > 2.5;
	}

	/** Whether both teams scored. */
	boolean btts() {
		return homeGoals > 0 && awayGoals > 0;
	}

	/** The prices of one bookmaker id, if the data has them for this match. */
	Optional<BookmakerOdds> prices(int bookmakerId) {
		return odds.stream().filter(o -> o.bookmakerId() == bookmakerId).findFirst();
	}
}
