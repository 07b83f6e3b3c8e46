package io.analytips.backtest;

import io.analytips.football.analysis.ValueBet;

/**
 * One selection of one backtested match at one source's price, with what the bot's {@code ValueFinder} made of it
 * and how it ended.
 *
 * @param match the match, with its forecasts
 * @param source where the price was taken
 * @param bet the model against that price: edge, quarter-Kelly stake, confidence
 * @param won whether the selection won
 * @param closingProbability Pinnacle's margin-free closing probability of the selection, or NaN without one
 */
record Bet(Prediction match, PriceSource source, ValueBet bet, boolean won, double closingProbability) {

	/** Profit of a unit stake at the taken price: {@code odds − 1} or −1. */
	double profit() {
		return won ? bet.odds() - 1 : -1;
	}

	/** Closing-line value: the taken price over the fair closing price, minus one; NaN without a closing price. */
	double clv() {
		return bet.odds() * closingProbability - 1;
	}
}
