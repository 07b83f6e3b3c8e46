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

	private static final String SERIE_A_ODDS = "brazil/BRA-2021-2023.csv";

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
