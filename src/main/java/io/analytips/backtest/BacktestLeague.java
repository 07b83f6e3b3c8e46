package io.analytips.backtest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.analytips.football.sim.data.HistoricalData;

/** The leagues the backtest knows, by football-data's code. */
enum BacktestLeague {

	E0(HistoricalData.PREMIER_LEAGUE, "Premier League", 2018), BRA(HistoricalData.SERIE_A, "Série A", 2014);

	final int leagueId;

	final String displayName;

	/**
	 * The first of the league's tuning seasons (EPL 2018/19, Série A 2014–2018: before the reported 2019–2024); the
	 * league's own choices (its BTTS weight) are made on the seasons from this one on, never on the one judged.
	 */
	final int tuningFrom;

	BacktestLeague(int leagueId, String displayName, int tuningFrom) {
		this.leagueId = leagueId;
		this.displayName = displayName;
		this.tuningFrom = tuningFrom;
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

	/** Each season's weight from {@code from} on, as reports print them: {@code 2019/20 0.70, 2020/21 0.50}. */
	String weightsFrom(int from, Map<Integer, Double> weights) {
		return weights.entrySet().stream()
			.filter(e -> e.getKey() >= from)
			.map(e -> String.format(Locale.ROOT, "%s %.2f", season(e.getKey()), e.getValue()))
			.collect(Collectors.joining(", "));
	}

	/** A season as people write it: 2019/20 for the Premier League, 2019 for the Série A. */
	String season(int season) {
		return this == E0 ? season + "/" + String.format("%02d", (season + 1) % 100) : Integer.toString(season);
	}
}
