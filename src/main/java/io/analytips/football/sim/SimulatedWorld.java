package io.analytips.football.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.analytips.football.sim.data.HistoricalData;
import io.analytips.football.sim.data.HistoricalMatch;

/**
 * The bundled historical data arranged around "today": per league, the replayed season's matchday
 * on the same day of the year (or, when that day had no match, the nearest one that had) is moved
 * to the current date; everything before it is finished with its real result, everything after it
 * is still to be played, and today's matches are played as the clock reaches them ({@link #status}).
 * Days are calendar days in the simulator's time zone (the bot's), so a Brazilian 21:30 kick-off
 * stays on its evening. Team and fixture ids are stable for a given data bundle. Built once per day;
 * immutable.
 */
final class SimulatedWorld {

	/** The replayed season per league: the newest one with corner statistics. */
	static final Map<Integer, Integer> REPLAYED_SEASONS = Map.of(HistoricalData.PREMIER_LEAGUE, 2024,
			HistoricalData.SERIE_A, 2023);

	/** API-Football's name and country of each league (the Brasileirão is "Serie A", Brazil, as in the real API). */
	private static final Map<Integer, String[]> LEAGUE_NAMES = Map.of(HistoricalData.PREMIER_LEAGUE,
			new String[] { "Premier League", "England" }, HistoricalData.SERIE_A, new String[] { "Serie A", "Brazil" });

	/** Names that tell the two Serie As apart, for people. */
	private static final Map<Integer, String> DISPLAY_NAMES = Map.of(HistoricalData.PREMIER_LEAGUE, "Premier League",
			HistoricalData.SERIE_A, "Brasileirão Série A");

	/**
	 * A replayed day needs this many of the season's matches played before it, so the model has a
	 * season to learn from (six rounds); earlier days replay the nearest one after them.
	 */
	static final int MIN_MATCHES_BEFORE = 60;

	private final LocalDate today;

	private final ZoneId zone;

	private final Map<Integer, SimLeague> leagues;

	private final Map<Long, SimFixture> fixturesById = new LinkedHashMap<>();

	private final Map<Long, SimTeam> teamsById = new LinkedHashMap<>();

	private SimulatedWorld(LocalDate today, ZoneId zone, Map<Integer, SimLeague> leagues) {
		this.today = today;
		this.zone = zone;
		this.leagues = leagues;
		leagues.values().forEach(league -> {
			league.fixtures().forEach(f -> fixturesById.put(f.id(), f));
			league.teams().forEach(t -> teamsById.put(t.id(), t));
		});
	}

	/** The world of {@code today}, a date in {@code zone}. */
	static SimulatedWorld build(HistoricalData data, LocalDate today, ZoneId zone) {
		Map<Integer, SimLeague> leagues = new TreeMap<>();
		for (Map.Entry<Integer, Integer> replayed : REPLAYED_SEASONS.entrySet()) {
			List<HistoricalMatch> matches = data.matches(replayed.getKey());
			if (!matches.isEmpty()) {
				leagues.put(replayed.getKey(), league(replayed.getKey(), replayed.getValue(), matches, today, zone));
			}
		}
		return new SimulatedWorld(today, zone, leagues);
	}

	private static SimLeague league(int leagueId, int season, List<HistoricalMatch> matches, LocalDate today,
			ZoneId zone) {
		LocalDate replayed = replayedDay(matches, season, today, zone);
		long offset = ChronoUnit.DAYS.between(replayed, today);
		List<String> names = new ArrayList<>(new TreeSet<>(matches.stream()
			.flatMap(m -> Stream.of(m.homeTeam(), m.awayTeam()))
			.toList()));
		String country = LEAGUE_NAMES.get(leagueId)[1];
		Map<String, SimTeam> teams = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			teams.put(names.get(i), new SimTeam(leagueId * 1000L + i + 1, names.get(i), country, leagueId));
		}
		List<HistoricalMatch> sorted = matches.stream().sorted(Comparator.comparing(HistoricalMatch::kickoffUtc)).toList();
		List<SimFixture> fixtures = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			HistoricalMatch match = sorted.get(i);
			fixtures.add(new SimFixture(leagueId * 100_000L + i + 1, match,
					match.kickoffUtc().plusDays(offset).toInstant(ZoneOffset.UTC), teams.get(match.homeTeam()),
					teams.get(match.awayTeam())));
		}
		String[] name = LEAGUE_NAMES.get(leagueId);
		List<SimTeam> seasonTeams = fixtures.stream()
			.filter(f -> f.match().season() == season)
			.flatMap(f -> Stream.of(f.home(), f.away()))
			.distinct()
			.sorted(Comparator.comparing(SimTeam::name))
			.toList();
		return new SimLeague(leagueId, name[0], name[1], season, replayed, offset, fixtures, seasonTeams);
	}

	/**
	 * The replayed day: the season's day with the same month and day as {@code today} (in whichever
	 * year of the season, or the year around it, comes closest), or, when no match was played that
	 * day, the nearest day that had one. Only days with {@link #MIN_MATCHES_BEFORE} matches before
	 * them qualify. Ties go to the earlier day.
	 */
	static LocalDate replayedDay(List<HistoricalMatch> matches, int season, LocalDate today, ZoneId zone) {
		TreeMap<LocalDate, Long> perDay = matches.stream()
			.filter(m -> m.season() == season)
			.collect(Collectors.groupingBy(m -> localDay(m, zone), TreeMap::new, Collectors.counting()));
		List<LocalDate> eligible = new ArrayList<>();
		long before = 0;
		for (Map.Entry<LocalDate, Long> day : perDay.entrySet()) {
			if (before >= MIN_MATCHES_BEFORE) {
				eligible.add(day.getKey());
			}
			before += day.getValue();
		}
		if (eligible.isEmpty()) {
			eligible.addAll(perDay.keySet());
		}
		MonthDay sameDay = MonthDay.from(today);
		List<LocalDate> sameDays = Stream.iterate(perDay.firstKey().getYear() - 1, year -> year + 1)
			.limit(perDay.lastKey().getYear() - perDay.firstKey().getYear() + 3L)
			.map(sameDay::atYear)
			.toList();
		return eligible.stream()
			.min(Comparator.comparingLong((LocalDate day) -> sameDays.stream()
				.mapToLong(same -> Math.abs(ChronoUnit.DAYS.between(same, day)))
				.min()
				.orElseThrow()).thenComparing(Comparator.naturalOrder()))
			.orElseThrow();
	}

	/** The calendar day a match was played on, in the simulator's time zone. */
	static LocalDate localDay(HistoricalMatch match, ZoneId zone) {
		return match.kickoffUtc().atZone(ZoneOffset.UTC).withZoneSameInstant(zone).toLocalDate();
	}

	LocalDate today() {
		return today;
	}

	/** A league's name for people (not API-Football's, which calls the Brasileirão "Serie A"). */
	static String displayName(int leagueId) {
		return DISPLAY_NAMES.getOrDefault(leagueId, "#" + leagueId);
	}

	/** The time zone whose calendar days the world is laid out in. */
	ZoneId zone() {
		return zone;
	}

	/** The day a fixture kicks off, in the world's time zone. */
	LocalDate dayOf(SimFixture fixture) {
		return fixture.kickoff().atZone(zone).toLocalDate();
	}

	/**
	 * Where a fixture stands at {@code now} (an instant of this world's day): finished if it is of an
	 * earlier day, not started if of a later one; today's follow the clock ({@link MatchStatus#at}),
	 * so a match kicking off late in the evening is finished once the next day's world is built.
	 */
	MatchStatus status(SimFixture fixture, Instant now) {
		LocalDate day = dayOf(fixture);
		if (day.isBefore(today)) {
			return MatchStatus.FINISHED;
		}
		return day.isAfter(today) ? MatchStatus.NOT_STARTED : MatchStatus.at(fixture.kickoff(), now);
	}

	/** Whether the fixture is finished at {@code now}: what tables, statistics and "last" count. */
	boolean finished(SimFixture fixture, Instant now) {
		return status(fixture, now).finished();
	}

	List<SimLeague> leagues() {
		return List.copyOf(leagues.values());
	}

	Optional<SimLeague> league(int id) {
		return Optional.ofNullable(leagues.get(id));
	}

	Optional<SimFixture> fixture(long id) {
		return Optional.ofNullable(fixturesById.get(id));
	}

	Optional<SimTeam> team(long id) {
		return Optional.ofNullable(teamsById.get(id));
	}

	Optional<SimLeague> leagueOf(SimTeam team) {
		return league(team.leagueId());
	}

	List<SimFixture> allFixtures() {
		return List.copyOf(fixturesById.values());
	}

	List<SimTeam> allTeams() {
		return List.copyOf(teamsById.values());
	}
}
