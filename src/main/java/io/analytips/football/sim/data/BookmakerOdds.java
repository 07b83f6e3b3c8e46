package io.analytips.football.sim.data;

import java.util.Objects;

/**
 * One bookmaker's decimal prices for a match. The 1X2 prices are always present; the over/under 2.5
 * goals prices are {@code null} where the source has none (Bwin, and everything in the Série A file).
 *
 * @param bookmakerId API-Football's bookmaker id ({@link #BET365}, {@link #PINNACLE}, {@link #BWIN}),
 *        or {@link #MARKET_AVERAGE}
 * @param bookmaker the bookmaker's display name
 * @param home price of a home win
 * @param draw price of a draw
 * @param away price of an away win
 * @param over25 price of over 2.5 goals, or {@code null}
 * @param under25 price of under 2.5 goals, or {@code null}
 */
public record BookmakerOdds(int bookmakerId, String bookmaker, Double home, Double draw, Double away, Double over25,
		Double under25) {

	/** API-Football's id for Bet365. */
	public static final int BET365 = 8;

	/** API-Football's id for Pinnacle. */
	public static final int PINNACLE = 4;

	/** API-Football's id for Bwin (football-data's "BW" columns). */
	public static final int BWIN = 6;

	/** Our id for football-data's market average over all the bookmakers it covers (not a real bookmaker). */
	public static final int MARKET_AVERAGE = 100;

	/**
	 * Our id for Pinnacle's <em>pre-closing</em> prices in the backtest's data, where {@link #PINNACLE} is its close:
	 * football-data's snapshot a few days before the match, the kind of price the bot reads from API-Football.
	 */
	public static final int PINNACLE_PRE_CLOSING = 104;

	/** Our id for the market average's pre-closing prices in the backtest's data (football-data's {@code Avg}). */
	public static final int MARKET_AVERAGE_PRE_CLOSING = 200;

	/** Our id for the best pre-closing price of any bookmaker in the backtest's data (football-data's {@code Max}). */
	public static final int MARKET_BEST_PRE_CLOSING = 201;

	public BookmakerOdds {
		Objects.requireNonNull(bookmaker, "bookmaker");
		Objects.requireNonNull(home, "home");
		Objects.requireNonNull(draw, "draw");
		Objects.requireNonNull(away, "away");
	}
}
