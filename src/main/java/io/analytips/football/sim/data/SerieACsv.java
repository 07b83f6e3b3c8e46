package io.analytips.football.sim.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the Série A: football-data's {@code BRA.csv} is the list of matches (results, closing odds), and each
 * match is joined to adaoduque's Brasileirão files for its round and the two clubs' statistics.
 */
final class SerieACsv {

	/**
	 * football-data's spelling → adaoduque's, for the clubs whose names differ. Matches are named the adaoduque
	 * way, which is closer to how the clubs call themselves.
	 */
	static final Map<String, String> ALIASES = Map.of(
			"Flamengo RJ", "Flamengo",
			"Botafogo RJ", "Botafogo-RJ",
			"America MG", "America-MG",
			"Atletico GO", "Atletico-GO",
			"Sport Recife", "Sport",
			"Chapecoense-SC", "Chapecoense");

	/** Closing prices: the file has no pre-closing ones and no totals. */
	static final List<OddsColumns> BOOKMAKERS = List.of(
			new OddsColumns(BookmakerOdds.PINNACLE, "Pinnacle", "PSCH", "PSCD", "PSCA"),
			new OddsColumns(BookmakerOdds.MARKET_AVERAGE, "Market average", "AvgCH", "AvgCD", "AvgCA"));

	/**
	 * football-data dates a match by UK time, adaoduque by Brasília time, so an evening match in Brazil is a day
	 * later in {@code BRA.csv}; the other direction is tried too, in case either source corrected a date.
	 */
	private static final int[] DAY_SHIFTS = { 0, -1, 1 };

	private SerieACsv() {
	}

	/**
	 * The matches of {@code odds} ({@code BRA.csv}), with round and statistics where {@code matches}
	 * ({@code campeonato-brasileiro-full.csv}) and {@code stats}
	 * ({@code campeonato-brasileiro-estatisticas-full.csv}) have them; each season in kick-off order.
	 */
	static List<HistoricalMatch> read(CsvTable odds, CsvTable matches, CsvTable stats) {
		Map<Fixture, CsvRow> byFixture = new HashMap<>();
		for (CsvRow row : matches.rows()) {
			Fixture fixture = new Fixture(FootballDataTime.date(row, "data"), row.required("mandante"),
					row.required("visitante"));
			byFixture.put(fixture, row);
		}
		Map<String, Map<String, CsvRow>> statsByMatch = stats.rows().stream()
			.collect(Collectors.groupingBy(row -> row.required("partida_id"),
					Collectors.toMap(row -> row.required("clube"), row -> row, (first, second) -> first)));
		Map<Integer, List<HistoricalMatch>> bySeason = new HashMap<>();
		for (CsvRow row : odds.rows()) {
			if (row.integer("HG") == null && row.integer("AG") == null) {
				// never played: the whole file has one, Chapecoense v Atletico-MG of December 2016, after the air crash
				continue;
			}
			HistoricalMatch match = match(row, byFixture, statsByMatch);
			bySeason.computeIfAbsent(match.season(), season -> new ArrayList<>()).add(match);
		}
		return bySeason.values().stream().flatMap(season -> Rounds.fillByBlocks(season).stream()).toList();
	}

	/** The adaoduque name of a club as football-data spells it. */
	static String displayName(String footballDataName) {
		return ALIASES.getOrDefault(footballDataName, footballDataName);
	}

	private static HistoricalMatch match(CsvRow row, Map<Fixture, CsvRow> byFixture,
			Map<String, Map<String, CsvRow>> statsByMatch) {
		String home = displayName(row.required("Home"));
		String away = displayName(row.required("Away"));
		CsvRow joined = find(byFixture, FootballDataTime.date(row, "Date"), home, away);
		Map<String, CsvRow> clubs = joined == null ? Map.of()
				: statsByMatch.getOrDefault(joined.required("ID"), Map.of());
		return new HistoricalMatch(HistoricalData.SERIE_A, row.requiredInteger("Season"),
				FootballDataTime.kickoffUtc(row, "Date", "Time"), home, away,
				row.requiredInteger("HG"), row.requiredInteger("AG"), null, null,
				stats(clubs.get(home)), stats(clubs.get(away)), OddsColumns.read(BOOKMAKERS, row), null,
				joined == null ? null : Rounds.label(joined.requiredInteger("rodata")));
	}

	private static CsvRow find(Map<Fixture, CsvRow> byFixture, LocalDate date, String home, String away) {
		for (int shift : DAY_SHIFTS) {
			CsvRow row = byFixture.get(new Fixture(date.plusDays(shift), home, away));
			if (row != null) {
				return row;
			}
		}
		return null;
	}

	/**
	 * One club's statistics, or {@code null} if the club has no row or a row of zeros: adaoduque fills seasons
	 * without statistics (before 2015, 2024) with zeros, and no real match has no shots, fouls or corners at all.
	 */
	static MatchStats stats(CsvRow row) {
		if (row == null) {
			return null;
		}
		MatchStats stats = new MatchStats(row.integer("chutes"), row.integer("chutes_no_alvo"), row.integer("faltas"),
				row.integer("escanteios"), row.integer("cartao_amarelo"), row.integer("cartao_vermelho"),
				row.integer("impedimentos"), row.integer("posse_de_bola"));
		boolean anyNonZero = Stream.of(stats.shots(), stats.shotsOnTarget(), stats.fouls(), stats.corners(),
				stats.yellowCards(), stats.redCards(), stats.offsides(), stats.possession())
			.anyMatch(value -> value != null && value != 0);
		return anyNonZero ? stats : null;
	}

	/** The key both sources share: the date and the two clubs, adaoduque-spelled. */
	private record Fixture(LocalDate date, String home, String away) {
	}
}
