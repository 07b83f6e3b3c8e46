package io.analytips.backtest;

import io.analytips.football.sim.data.BookmakerOdds;

/**
 * Prices a user could take, as the backtest of the flags scores them. The bot compares with the preferred
 * bookmaker of API-Football's {@code /odds} (Pinnacle first), read hours to days before kick-off: that is
 * {@link #PINNACLE}, football-data's pre-closing snapshot, and the price the bot's rule is chosen on.
 */
enum PriceSource {

	PINNACLE(BookmakerOdds.PINNACLE_PRE_CLOSING, "Pinnacle, pre-closing (the bot's price)"),
	MARKET_AVERAGE(BookmakerOdds.MARKET_AVERAGE_PRE_CLOSING, "market average, pre-closing"),
	MARKET_BEST(BookmakerOdds.MARKET_BEST_PRE_CLOSING, "best price in the market, pre-closing"),
	PINNACLE_CLOSING(BookmakerOdds.PINNACLE, "Pinnacle closing (no CLV: it is the close)");

	final int bookmakerId;

	final String label;

	PriceSource(int bookmakerId, String label) {
		this.bookmakerId = bookmakerId;
		this.label = label;
	}
}
