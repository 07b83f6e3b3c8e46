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
	 * Our id for football-data's Betbrain average of the 2017/18 and 2018/19 files: pre-closing (read when the
	 * file was compiled), but the only over/under 2.5 prices of those seasons, which the backtest's tuning
	 * seasons need ({@code --totals-proxy}).
	 */
	public static final int BETBRAIN_AVERAGE = 101;

	public BookmakerOdds {
		Objects.requireNonNull(bookmaker, "bookmaker");
		Objects.requireNonNull(home, "home");
		Objects.requireNonNull(draw, "draw");
		Objects.requireNonNull(away, "away");
	}
}
