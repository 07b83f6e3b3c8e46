package io.analytips.football.sim;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * The bundled historical data arranged around "today": per league, a past matchday of the
 * replayed season is moved to the current date (a different one each day), everything before it
 * is finished with its real result, everything after it is still to be played. Team and fixture
 * ids are stable for a given data bundle. Built once per day; immutable.
 */
final class SimulatedWorld {

	/** The replayed season per league: the newest one with corner statistics. */
	static final Map<Integer, Integer> REPLAYED_SEASONS = Map.of(HistoricalData.PREMIER_LEAGUE, 2024,
			HistoricalData.SERIE_A, 2023);

	private static final Map<Integer, String[]> LEAGUE_NAMES = Map.of(HistoricalData.PREMIER_LEAGUE,
			new String[] { "Premier League", "England" }, HistoricalData.SERIE_A, new String[] { "Serie A", "Brazil" });

	/** A replayed day needs this many matches that day and this many played before it. */
	private static final int MIN_MATCHES_ON_DAY = 4;

	private static final int MIN_MATCHES_BEFORE = 60;

	private final LocalDate today;

	private final Map<Integer, SimLeague> leagues;

	private final Map<Long, SimFixture> fixturesById = new LinkedHashMap<>();

	private final Map<Long, SimTeam> teamsById = new LinkedHashMap<>();

	private SimulatedWorld(LocalDate today, Map<Integer, SimLeague> leagues) {
		this.today = today;
		this.leagues = leagues;
		leagues.values().forEach(league -> {
			league.fixtures().forEach(f -> fixturesById.put(f.id(), f));
			league.teams().forEach(t -> teamsById.put(t.id(), t));
		});
	}

	/** The world as of the clock's current UTC date. */
	static SimulatedWorld build(HistoricalData data, Clock clock) {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		Map<Integer, SimLeague> leagues = new TreeMap<>();
		for (Map.Entry<Integer, Integer> replayed : REPLAYED_SEASONS.entrySet()) {
			List<HistoricalMatch> matches = data.matches(replayed.getKey());
			if (!matches.isEmpty()) {
				leagues.put(replayed.getKey(), league(replayed.getKey(), replayed.getValue(), matches, today));
			}
		}
		return new SimulatedWorld(today, leagues);
	}

	private static SimLeague league(int leagueId, int season, List<HistoricalMatch> matches, LocalDate today) {
		LocalDate replayed = replayedDay(matches, season, today);
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
			LocalDate day = match.kickoffUtc().toLocalDate();
			fixtures.add(new SimFixture(leagueId * 100_000L + i + 1, match,
					match.kickoffUtc().plusDays(offset).toInstant(ZoneOffset.UTC), teams.get(match.homeTeam()),
					teams.get(match.awayTeam()), day.isBefore(replayed)));
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

	/** The replayed day: one of the season's busy days with enough history before it, chosen by today's date. */
	static LocalDate replayedDay(List<HistoricalMatch> matches, int season, LocalDate today) {
		Map<LocalDate, Long> perDay = matches.stream()
			.filter(m -> m.season() == season)
			.collect(Collectors.groupingBy(m -> m.kickoffUtc().toLocalDate(), TreeMap::new, Collectors.counting()));
		List<LocalDate> eligible = new ArrayList<>();
		long before = 0;
		for (Map.Entry<LocalDate, Long> day : perDay.entrySet()) {
			if (day.getValue() >= MIN_MATCHES_ON_DAY && before >= MIN_MATCHES_BEFORE) {
				eligible.add(day.getKey());
			}
			before += day.getValue();
		}
		if (eligible.isEmpty()) {
			eligible.addAll(perDay.keySet());
		}
		return eligible.get(Math.floorMod(today.toEpochDay(), eligible.size()));
	}

	LocalDate today() {
		return today;
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
