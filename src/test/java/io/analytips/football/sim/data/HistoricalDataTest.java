package io.analytips.football.sim.data;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static io.analytips.football.sim.data.HistoricalData.PREMIER_LEAGUE;
import static io.analytips.football.sim.data.HistoricalData.SERIE_A;
import static org.assertj.core.api.Assertions.assertThat;

class HistoricalDataTest {

	private static final HistoricalData DATA = HistoricalData.loadBundled();

	private static Map<Integer, Long> countsBySeason(int leagueId) {
		return DATA.matches(leagueId).stream()
			.collect(Collectors.groupingBy(HistoricalMatch::season, Collectors.counting()));
	}

	private static HistoricalMatch find(int leagueId, LocalDateTime kickoff, String home) {
		return DATA.matches(leagueId).stream()
			.filter(match -> match.kickoffUtc().equals(kickoff) && match.homeTeam().equals(home))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void holdsThreeFullPremierLeagueSeasons() {
		assertThat(DATA.seasons(PREMIER_LEAGUE)).containsExactly(2022, 2023, 2024);
		assertThat(countsBySeason(PREMIER_LEAGUE)).containsOnly(Map.entry(2022, 380L), Map.entry(2023, 380L),
				Map.entry(2024, 380L));
	}

	@Test
	void holdsThreeFullSerieASeasons() {
		assertThat(DATA.seasons(SERIE_A)).containsExactly(2021, 2022, 2023);
		assertThat(countsBySeason(SERIE_A)).containsOnly(Map.entry(2021, 380L), Map.entry(2022, 380L),
				Map.entry(2023, 380L));
		assertThat(DATA.all()).hasSize(6 * 380);
	}

	@Test
	void decodesTheFirstMatchOf2024To2025ExactlyWithKickoffInUtc() {
		HistoricalMatch first = DATA.matches(PREMIER_LEAGUE).stream().filter(match -> match.season() == 2024)
			.findFirst().orElseThrow();

		assertThat(first).isEqualTo(new HistoricalMatch(39, 2024, LocalDateTime.of(2024, 8, 16, 19, 0), "Man United",
				"Fulham", 1, 0, 0, 0, new MatchStats(14, 5, 12, 7, 2, 0, null, null),
				new MatchStats(10, 2, 10, 8, 3, 0, null, null),
				List.of(new BookmakerOdds(8, "Bet365", 1.6, 4.2, 5.25, 1.53, 2.5),
						new BookmakerOdds(4, "Pinnacle", 1.63, 4.38, 5.3, 1.56, 2.56),
						new BookmakerOdds(6, "Bwin", 1.6, 4.4, 5.25, null, null)),
				"R Jones", "Regular Season - 1"));
	}

	@Test
	void decodesAKnownSerieAMatchWithCornersAndPinnacleClosingOdds() {
		HistoricalMatch match = find(SERIE_A, LocalDateTime.of(2023, 4, 16, 19, 0), "Flamengo");

		assertThat(match).isEqualTo(new HistoricalMatch(71, 2023, LocalDateTime.of(2023, 4, 16, 19, 0), "Flamengo",
				"Coritiba", 3, 0, null, null, new MatchStats(15, 7, 20, 6, 3, 0, 1, 59),
				new MatchStats(10, 3, 17, 3, 3, 0, 2, 41),
				List.of(new BookmakerOdds(4, "Pinnacle", 1.39, 5.02, 8.79, null, null),
						new BookmakerOdds(BookmakerOdds.MARKET_AVERAGE, "Market average", 1.38, 4.76, 8.13, null, null)),
				null, "Regular Season - 1"));
	}

	@Test
	void givesAlmostEverySerieAMatchItsCornersAndRound() {
		for (int season : DATA.seasons(SERIE_A)) {
			List<HistoricalMatch> matches = DATA.matches(SERIE_A).stream().filter(match -> match.season() == season)
				.toList();
			long withCorners = matches.stream()
				.filter(match -> match.homeStats() != null && match.awayStats() != null
						&& match.homeStats().corners() != null && match.awayStats().corners() != null)
				.count();
			assertThat(withCorners).as("matches with corners in %d", season).isGreaterThan(matches.size() * 95L / 100);
		}
	}

	@Test
	void numbersThirtyEightRoundsOfTenInEverySeason() {
		for (int leagueId : List.of(PREMIER_LEAGUE, SERIE_A)) {
			for (int season : DATA.seasons(leagueId)) {
				Map<String, Long> perRound = DATA.matches(leagueId).stream().filter(match -> match.season() == season)
					.collect(Collectors.groupingBy(HistoricalMatch::round, Collectors.counting()));
				assertThat(perRound).as("rounds of %d in %d", leagueId, season).hasSize(38)
					.allSatisfy((round, count) -> assertThat(count).isEqualTo(10L));
			}
		}
	}

	@Test
	void listsTwentyClubsPerSeasonInTheSourcesSpelling() {
		assertThat(DATA.teams(PREMIER_LEAGUE, 2024)).hasSize(20).isSorted().contains("Man United", "Nott'm Forest");
		for (int season : List.of(2021, 2022, 2023)) {
			assertThat(DATA.teams(SERIE_A, season)).hasSize(20).isSorted();
		}
		assertThat(DATA.teams(SERIE_A, 2023)).contains("Flamengo", "Botafogo-RJ", "America-MG")
			.doesNotContain("Flamengo RJ");
		assertThat(DATA.teams(SERIE_A, 2030)).isEmpty();
	}

	@Test
	void skipsBwinWhereItsPricesAreBlank() {
		List<HistoricalMatch> season = DATA.matches(PREMIER_LEAGUE).stream().filter(match -> match.season() == 2024)
			.toList();
		long withBwin = season.stream()
			.filter(match -> match.odds().stream().anyMatch(odds -> odds.bookmakerId() == BookmakerOdds.BWIN))
			.count();

		assertThat(withBwin).isEqualTo(380 - 141);
		assertThat(season).allSatisfy(match -> assertThat(match.odds()).extracting(BookmakerOdds::bookmakerId)
			.startsWith(BookmakerOdds.BET365, BookmakerOdds.PINNACLE));
	}

	@Test
	void keepsEveryLeagueInKickoffOrder() {
		assertThat(DATA.all()).isSortedAccordingTo(HistoricalData.KICKOFF_ORDER);
		assertThat(DATA.matches(SERIE_A)).isSortedAccordingTo(HistoricalData.KICKOFF_ORDER);
		assertThat(DATA.matches(2)).isEmpty();
	}

	@Test
	void buildsFromGivenMatchesForTests() {
		HistoricalMatch late = new HistoricalMatch(39, 2024, LocalDateTime.of(2024, 9, 1, 15, 0), "B", "C", 1, 1, null,
				null, null, null, List.of(), null, "Regular Season - 2");
		HistoricalMatch earliest = new HistoricalMatch(71, 2024, LocalDateTime.of(2024, 4, 1, 15, 0), "A", "D", 0, 0,
				null, null, null, null, List.of(), null, "Regular Season - 1");

		HistoricalData data = HistoricalData.of(List.of(late, earliest));

		assertThat(data.all()).containsExactly(earliest, late);
		assertThat(data.seasons(39)).containsExactly(2024);
		assertThat(data.teams(39, 2024)).containsExactly("B", "C");
	}
}
