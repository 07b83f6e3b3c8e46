package io.analytips.football.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.analytips.football.sim.data.HistoricalData;
import io.analytips.football.sim.data.HistoricalMatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which real day "today" replays: the same day of the season, or the nearest one with games. */
class SimulatedWorldTest {

	private static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");

	private static final HistoricalData data = HistoricalData.loadBundled();

	private static LocalDate replayed(int league, String today) {
		return SimulatedWorld.replayedDay(data.matches(league), SimulatedWorld.REPLAYED_SEASONS.get(league),
				LocalDate.parse(today), BRASILIA);
	}

	private static Map<LocalDate, Long> perDay(int league) {
		int season = SimulatedWorld.REPLAYED_SEASONS.get(league);
		return data.matches(league).stream()
			.filter(m -> m.season() == season)
			.collect(Collectors.groupingBy(m -> SimulatedWorld.localDay(m, BRASILIA), Collectors.counting()));
	}

	@Test
	void replaysTheSameDayOfTheSeasonWhenItHadGames() {
		assertThat(replayed(HistoricalData.PREMIER_LEAGUE, "2026-11-23")).isEqualTo("2024-11-23");
		assertThat(replayed(HistoricalData.PREMIER_LEAGUE, "2027-02-15")).isEqualTo("2025-02-15");
		assertThat(replayed(HistoricalData.SERIE_A, "2026-11-23")).isEqualTo("2023-11-23");
	}

	@Test
	void replaysTheNearestMatchdayWhenTheDayHadNone() {
		// The European summer: the season's last day (25 May 2025) is nearer than its sixth round.
		assertThat(replayed(HistoricalData.PREMIER_LEAGUE, "2026-06-13")).isEqualTo("2025-05-25");
		// The Brazilian off-season: the last round of 2023 (6 December).
		assertThat(replayed(HistoricalData.SERIE_A, "2027-01-09")).isEqualTo("2023-12-06");
		// 22 November 2024 was a Friday without games in England: Saturday the 23rd is one day away.
		assertThat(perDay(HistoricalData.PREMIER_LEAGUE)).doesNotContainKey(LocalDate.parse("2024-11-22"));
		assertThat(replayed(HistoricalData.PREMIER_LEAGUE, "2026-11-22")).isEqualTo("2024-11-23");
	}

	@Test
	void everyDayOfTwoYearsHasGamesInEveryLeagueWithASeasonPlayedBeforeThem() {
		for (int league : List.of(HistoricalData.PREMIER_LEAGUE, HistoricalData.SERIE_A)) {
			Map<LocalDate, Long> perDay = perDay(league);
			List<HistoricalMatch> matches = data.matches(league);
			for (LocalDate day = LocalDate.parse("2026-01-01"); day.isBefore(LocalDate.parse("2028-01-01")); day = day.plusDays(1)) {
				LocalDate replayed = SimulatedWorld.replayedDay(matches, SimulatedWorld.REPLAYED_SEASONS.get(league), day,
						BRASILIA);
				assertThat(perDay.get(replayed)).as("games on %s, replayed on %s", replayed, day).isPositive();
				long before = perDay.entrySet().stream().filter(e -> e.getKey().isBefore(replayed))
					.mapToLong(Map.Entry::getValue).sum();
				assertThat(before).as("matches before %s", replayed).isGreaterThanOrEqualTo(SimulatedWorld.MIN_MATCHES_BEFORE);
			}
		}
	}

	@Test
	void aDayInTheZoneKeepsBrazilianEveningGamesOnTheirEvening() {
		SimulatedWorld world = SimulatedWorld.build(data, LocalDate.parse("2026-11-23"), BRASILIA);
		SimLeague brasileirao = world.league(HistoricalData.SERIE_A).orElseThrow();
		assertThat(brasileirao.fixtures()).filteredOn(f -> world.dayOf(f).equals(world.today()))
			.extracting(f -> f.home().name())
			.containsExactly("Fortaleza", "Flamengo");
		Instant nineInTheMorning = Instant.parse("2026-11-23T12:00:00Z");
		assertThat(brasileirao.fixtures()).filteredOn(f -> world.dayOf(f).equals(world.today()))
			.allMatch(f -> world.status(f, nineInTheMorning).equals(MatchStatus.NOT_STARTED));
	}

	@Test
	void finishesEarlierDaysAndKeepsLaterDaysNotStartedWhateverTheHour() {
		SimulatedWorld world = SimulatedWorld.build(data, LocalDate.parse("2026-11-23"), BRASILIA);
		SimFixture yesterdays = world.allFixtures().stream()
			.filter(f -> world.dayOf(f).equals(LocalDate.parse("2026-11-22")))
			.findFirst()
			.orElseThrow();
		SimFixture tomorrows = world.allFixtures().stream()
			.filter(f -> world.dayOf(f).isAfter(world.today()))
			.min(java.util.Comparator.comparing(SimFixture::kickoff))
			.orElseThrow();
		assertThat(world.status(yesterdays, yesterdays.kickoff())).isEqualTo(MatchStatus.FINISHED);
		assertThat(world.status(tomorrows, tomorrows.kickoff().plusSeconds(3600))).isEqualTo(MatchStatus.NOT_STARTED);
		// today's follow the clock, even Flamengo's 21:30 game, whose kick-off is 00:30 UTC on the 24th
		SimFixture lateGame = world.allFixtures().stream()
			.filter(f -> world.dayOf(f).equals(world.today()) && f.home().name().equals("Flamengo"))
			.findFirst()
			.orElseThrow();
		assertThat(world.status(lateGame, Instant.parse("2026-11-24T01:45:00Z"))) // 22:45 in Brasília
			.isEqualTo(new MatchStatus(MatchStatus.Phase.SECOND_HALF, 60));
		assertThat(world.finished(lateGame, Instant.parse("2026-11-24T02:15:00Z"))).isTrue();
	}
}
