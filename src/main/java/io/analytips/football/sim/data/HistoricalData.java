package io.analytips.football.sim.data;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An immutable, in-memory set of historical matches, indexed by league. Safe to share between threads.
 */
public final class HistoricalData {

	/** API-Football's league id of the English Premier League. */
	public static final int PREMIER_LEAGUE = 39;

	/** API-Football's league id of the Brasileirão Série A. */
	public static final int SERIE_A = 71;

	/** Kick-off order; the home team breaks ties so that the order never depends on file order. */
	static final Comparator<HistoricalMatch> KICKOFF_ORDER = Comparator.comparing(HistoricalMatch::kickoffUtc)
		.thenComparing(HistoricalMatch::homeTeam);

	private final List<HistoricalMatch> all;

	private final Map<Integer, List<HistoricalMatch>> byLeague;

	private HistoricalData(List<HistoricalMatch> matches) {
		this.all = matches.stream().sorted(KICKOFF_ORDER).toList();
		this.byLeague = all.stream()
			.collect(Collectors.groupingBy(HistoricalMatch::leagueId, Collectors.toUnmodifiableList()));
	}

	/**
	 * Reads the files bundled under {@code football-data/} on the classpath: Premier League 2022–2024 and
	 * Série A 2021–2023. Blocking I/O and a few hundred milliseconds; call it once, at start-up, off any
	 * event loop.
	 *
	 * @throws IllegalStateException if a bundled file is missing or malformed
	 * @throws java.io.UncheckedIOException if a bundled file cannot be read
	 */
	public static HistoricalData loadBundled() {
		return new HistoricalData(BundledFiles.read());
	}

	/**
	 * The backtest's data: Premier League 2017/18–2024/25 and Série A 2012–2025 (to July), each match with the
	 * bookmakers' <em>closing</em> prices ({@link BookmakerOdds#PINNACLE} is Pinnacle's close, with its
	 * over/under 2.5 in the Premier League from 2019/20; {@link BookmakerOdds#MARKET_AVERAGE} the market
	 * average's close) and, in the Premier League only, the pre-closing prices a user could have taken
	 * ({@link BookmakerOdds#PINNACLE_PRE_CLOSING}, {@link BookmakerOdds#MARKET_AVERAGE_PRE_CLOSING},
	 * {@link BookmakerOdds#MARKET_BEST_PRE_CLOSING}). The simulator does not use it. Blocking I/O, about a second.
	 *
	 * @throws IllegalStateException if a bundled file is missing or malformed
	 * @throws java.io.UncheckedIOException if a bundled file cannot be read
	 */
	public static HistoricalData loadClosingPrices() {
		return new HistoricalData(BundledFiles.readClosing());
	}

	/** Data made of exactly these matches, in kick-off order; for tests. */
	public static HistoricalData of(List<HistoricalMatch> matches) {
		Objects.requireNonNull(matches, "matches");
		return new HistoricalData(List.copyOf(matches));
	}

	/** The league's matches in kick-off order; empty for a league not held. */
	public List<HistoricalMatch> matches(int leagueId) {
		return byLeague.getOrDefault(leagueId, List.of());
	}

	/** Every match of every league, in kick-off order. */
	public List<HistoricalMatch> all() {
		return all;
	}

	/** The league's seasons, ascending (start years, as API-Football numbers them). */
	public Set<Integer> seasons(int leagueId) {
		return Collections.unmodifiableSortedSet(matches(leagueId).stream()
			.map(HistoricalMatch::season)
			.collect(Collectors.toCollection(TreeSet::new)));
	}

	/** The clubs that played in the league's season, sorted by name; empty if the season is not held. */
	public List<String> teams(int leagueId, int season) {
		return matches(leagueId).stream()
			.filter(match -> match.season() == season)
			.flatMap(match -> Stream.of(match.homeTeam(), match.awayTeam()))
			.distinct()
			.sorted()
			.toList();
	}
}
