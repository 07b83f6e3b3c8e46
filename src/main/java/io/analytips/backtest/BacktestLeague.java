package io.analytips.backtest;

import java.util.Arrays;
import java.util.Locale;

import io.analytips.football.sim.data.HistoricalData;

/** The leagues the backtest knows, by football-data's code. */
enum BacktestLeague {

	E0(HistoricalData.PREMIER_LEAGUE, "Premier League"), BRA(HistoricalData.SERIE_A, "Série A");

	final int leagueId;

	final String displayName;

	BacktestLeague(int leagueId, String displayName) {
		this.leagueId = leagueId;
		this.displayName = displayName;
	}

	/**
	 * The league for a code, case-insensitive.
	 *
	 * @throws IllegalArgumentException naming the known codes if there is none
	 */
	static BacktestLeague of(String code) {
		try {
			return valueOf(code.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("unknown league " + code + "; known: " + Arrays.toString(values()), ex);
		}
	}

	/** A season as people write it: 2019/20 for the Premier League, 2019 for the Série A. */
	String season(int season) {
		return this == E0 ? season + "/" + String.format("%02d", (season + 1) % 100) : Integer.toString(season);
	}
}
