package io.analytips.football.sim.data;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A finished match as the bundled files record it.
 *
 * <p>Odds differ by league: the Premier League files give pre-closing prices (football-data's snapshot a
 * few days before the match) for Bet365, Pinnacle and Bwin; the Série A file gives only closing prices
 * (Pinnacle and the market average).
 *
 * @param leagueId API-Football's league id ({@link HistoricalData#PREMIER_LEAGUE}, {@link HistoricalData#SERIE_A})
 * @param season API-Football's season: the year the season starts (Premier League 2024/25 is 2024)
 * @param kickoffUtc kick-off in UTC
 * @param homeTeam the home club, spelled as football-data does for England ({@code Man United}) and as
 *        adaoduque/Brasileirao_Dataset does for Brazil ({@code Botafogo-RJ})
 * @param awayTeam the away club, spelled the same way
 * @param homeGoals full-time goals of the home side
 * @param awayGoals full-time goals of the away side
 * @param halftimeHome half-time goals of the home side, or {@code null} (Série A has none)
 * @param halftimeAway half-time goals of the away side, or {@code null}
 * @param homeStats the home side's statistics, or {@code null} when unknown
 * @param awayStats the away side's statistics, or {@code null} when unknown
 * @param odds prices of the bookmakers that quoted the match, possibly none
 * @param referee the referee, or {@code null} (Série A has none)
 * @param round API-Football's round label, {@code "Regular Season - N"}: for the Série A the official round (a
 *        postponed match keeps the round it was scheduled in); for the Premier League, whose files have no round,
 *        the match's block of ten in kick-off order
 */
public record HistoricalMatch(int leagueId, int season, LocalDateTime kickoffUtc, String homeTeam, String awayTeam,
		int homeGoals, int awayGoals, Integer halftimeHome, Integer halftimeAway, MatchStats homeStats,
		MatchStats awayStats, List<BookmakerOdds> odds, String referee, String round) {

	public HistoricalMatch {
		Objects.requireNonNull(kickoffUtc, "kickoffUtc");
		Objects.requireNonNull(homeTeam, "homeTeam");
		Objects.requireNonNull(awayTeam, "awayTeam");
		odds = List.copyOf(Objects.requireNonNull(odds, "odds"));
	}

	/** This match in another round; the loaders number rounds only once a season is in kick-off order. */
	HistoricalMatch withRound(String round) {
		return new HistoricalMatch(leagueId, season, kickoffUtc, homeTeam, awayTeam, homeGoals, awayGoals, halftimeHome,
				halftimeAway, homeStats, awayStats, odds, referee, round);
	}
}
