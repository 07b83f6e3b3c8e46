package io.analytips.football.sim.data;

import java.util.List;
import java.util.stream.Stream;

/**
 * Reads one season of football-data.co.uk's Premier League file ({@code E0.csv}). The file has no round
 * column, so rounds are numbered by {@link Rounds#fillByBlocks}.
 */
final class PremierLeagueCsv {

	/** Pre-closing prices, the ones football-data gives for all three bookmakers. */
	static final List<OddsColumns> BOOKMAKERS = List.of(
			new OddsColumns(BookmakerOdds.BET365, "Bet365", "B365H", "B365D", "B365A", "B365>2.5", "B365<2.5"),
			new OddsColumns(BookmakerOdds.PINNACLE, "Pinnacle", "PSH", "PSD", "PSA", "P>2.5", "P<2.5"),
			new OddsColumns(BookmakerOdds.BWIN, "Bwin", "BWH", "BWD", "BWA"));

	/**
	 * Closing prices, for the backtest: Pinnacle's ({@code PSCH…}, every season; totals {@code PC>2.5} from
	 * 2019/20) and the market average's ({@code AvgCH…}, from 2019/20). Before 2019/20 the files have no closing
	 * totals; the backtest's tuning seasons can stand in the pre-closing market average of {@link #PRE_CLOSING}.
	 */
	static final List<OddsColumns> CLOSING = List.of(
			new OddsColumns(BookmakerOdds.PINNACLE, "Pinnacle closing", "PSCH", "PSCD", "PSCA", "PC>2.5", "PC<2.5"),
			new OddsColumns(BookmakerOdds.MARKET_AVERAGE, "Market average closing", "AvgCH", "AvgCD", "AvgCA",
					"AvgC>2.5", "AvgC<2.5"));

	/**
	 * The prices a user could have taken before the match, for the backtest of the value flags: Pinnacle's, the
	 * market average's and the best of the market's, each with its over/under 2.5. The 2017/18 and 2018/19 files
	 * name the average and best {@code BbAv…}/{@code BbMx…}; a file has one spelling or the other.
	 */
	static final List<OddsColumns> PRE_CLOSING = List.of(
			new OddsColumns(BookmakerOdds.PINNACLE_PRE_CLOSING, "Pinnacle", "PSH", "PSD", "PSA", "P>2.5", "P<2.5"),
			new OddsColumns(BookmakerOdds.MARKET_AVERAGE_PRE_CLOSING, "Market average", "AvgH", "AvgD", "AvgA", "Avg>2.5",
					"Avg<2.5"),
			new OddsColumns(BookmakerOdds.MARKET_AVERAGE_PRE_CLOSING, "Market average", "BbAvH", "BbAvD", "BbAvA",
					"BbAv>2.5", "BbAv<2.5"),
			new OddsColumns(BookmakerOdds.MARKET_BEST_PRE_CLOSING, "Market best", "MaxH", "MaxD", "MaxA", "Max>2.5",
					"Max<2.5"),
			new OddsColumns(BookmakerOdds.MARKET_BEST_PRE_CLOSING, "Market best", "BbMxH", "BbMxD", "BbMxA", "BbMx>2.5",
					"BbMx<2.5"));

	/** What the backtest reads: the closing prices, then the pre-closing ones. */
	static final List<OddsColumns> BACKTEST = Stream.concat(CLOSING.stream(), PRE_CLOSING.stream())
		.toList();

	private static final MatchStats UNKNOWN = new MatchStats(null, null, null, null, null, null, null, null);

	private PremierLeagueCsv() {
	}

	/** The season's matches in kick-off order, with the pre-closing prices of {@link #BOOKMAKERS}. */
	static List<HistoricalMatch> read(CsvTable table, int season) {
		return read(table, season, BOOKMAKERS);
	}

	/** The season's matches in kick-off order, with the prices of {@code bookmakers}. */
	static List<HistoricalMatch> read(CsvTable table, int season, List<OddsColumns> bookmakers) {
		return Rounds.fillByBlocks(table.rows().stream().map(row -> match(row, season, bookmakers)).toList());
	}

	private static HistoricalMatch match(CsvRow row, int season, List<OddsColumns> bookmakers) {
		return new HistoricalMatch(HistoricalData.PREMIER_LEAGUE, season,
				FootballDataTime.kickoffUtc(row, "Date", "Time"),
				row.required("HomeTeam"), row.required("AwayTeam"),
				row.requiredInteger("FTHG"), row.requiredInteger("FTAG"),
				row.integer("HTHG"), row.integer("HTAG"),
				stats(row, 'H'), stats(row, 'A'),
				OddsColumns.read(bookmakers, row), row.text("Referee"), null);
	}

	/** One side's statistics: columns named by the side's letter, H or A (HS, HST, HF, HC, HY, HR). */
	static MatchStats stats(CsvRow row, char side) {
		MatchStats stats = new MatchStats(row.integer(side + "S"), row.integer(side + "ST"), row.integer(side + "F"),
				row.integer(side + "C"), row.integer(side + "Y"), row.integer(side + "R"), null, null);
		return stats.equals(UNKNOWN) ? null : stats;
	}
}
