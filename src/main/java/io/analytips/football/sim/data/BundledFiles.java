package io.analytips.football.sim.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The data files shipped in the jar under {@code football-data/}; SOURCES.md there says where each came from. */
final class BundledFiles {

	private static final String ROOT = "/football-data/";

	/** Premier League files by season start year. */
	private static final Map<Integer, String> PREMIER_LEAGUE = new TreeMap<>(Map.of(
			2022, "england/E0_2223.csv",
			2023, "england/E0_2324.csv",
			2024, "england/E0_2425.csv"));

	/** The Premier League seasons the backtest reads: 2019/20–2024/25 and two seasons to warm up on. */
	private static final Map<Integer, String> PREMIER_LEAGUE_BACKTEST = new TreeMap<>(Map.of(
			2017, "england/E0_1718.csv",
			2018, "england/E0_1819.csv",
			2019, "england/E0_1920.csv",
			2020, "england/E0_2021.csv",
			2021, "england/E0_2122.csv",
			2022, "england/E0_2223.csv",
			2023, "england/E0_2324.csv",
			2024, "england/E0_2425.csv"));

	private static final String SERIE_A_ODDS = "brazil/BRA-2021-2023.csv";

	/** football-data's whole Série A file, 2012 to mid-2025, unchanged. */
	private static final String SERIE_A_ODDS_ALL = "brazil/BRA.csv";

	private static final String SERIE_A_MATCHES = "brazil/campeonato-brasileiro-2021-2023.csv";

	private static final String SERIE_A_STATS = "brazil/campeonato-brasileiro-estatisticas-2021-2023.csv";

	private BundledFiles() {
	}

	/** Every bundled match, in no particular order. */
	static List<HistoricalMatch> read() {
		List<HistoricalMatch> matches = new ArrayList<>();
		PREMIER_LEAGUE.forEach((season, file) -> matches.addAll(PremierLeagueCsv.read(table(file), season)));
		matches.addAll(SerieACsv.read(table(SERIE_A_ODDS), table(SERIE_A_MATCHES), table(SERIE_A_STATS)));
		return matches;
	}

	/**
	 * Every match the backtest reads: Premier League 2017/18–2024/25 (Pinnacle closing with its over/under 2.5,
	 * market-average closing, and the pre-closing prices of {@link PremierLeagueCsv#PRE_CLOSING}) and Série A 2012–2025 (Pinnacle and market-average closing;
	 * rounds and statistics only where the 2021–2023 adaoduque files have them).
	 */
	static List<HistoricalMatch> readClosing() {
		List<HistoricalMatch> matches = new ArrayList<>();
		PREMIER_LEAGUE_BACKTEST
			.forEach((season, file) -> matches.addAll(PremierLeagueCsv.read(table(file), season, PremierLeagueCsv.BACKTEST)));
		matches.addAll(SerieACsv.read(table(SERIE_A_ODDS_ALL), table(SERIE_A_MATCHES), table(SERIE_A_STATS)));
		return matches;
	}

	static CsvTable table(String file) {
		String resource = ROOT + file;
		try (InputStream in = BundledFiles.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("bundled file missing from the classpath: " + resource);
			}
			return CsvTable.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read bundled file " + resource, ex);
		}
	}
}
