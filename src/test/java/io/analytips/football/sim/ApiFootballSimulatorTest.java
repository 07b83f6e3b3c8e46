package io.analytips.football.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.analytips.football.api.ApiRequest;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.FixtureOdds;
import io.analytips.football.api.Page;
import io.analytips.football.api.RawResponse;
import io.analytips.football.api.StandingRow;
import io.analytips.football.api.Team;
import io.analytips.football.api.TeamStatistics;
import io.analytips.football.api.Wire;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's answers, read back with the client's own parser. */
class ApiFootballSimulatorTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

	private static final ApiFootballSimulator simulator = ApiFootballSimulator.bundled(CLOCK);

	private static JsonNode get(String path, Object... parameters) {
		RawResponse response = simulator.handle(ApiRequest.of(path, parameters), ApiFootballSimulator.KEY).block();
		assertThat(response.status()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

	@Test
	void replaysTheSameDayOfTheReplayedSeasonAsToday() {
		ZoneId brasilia = ZoneId.of("America/Sao_Paulo");
		List<Fixture> today = Wire.fixtures(get("/fixtures", "date", LocalDate.of(2026, 11, 23), "timezone", brasilia));
		assertThat(today).allMatch(Fixture::isUpcoming);
		assertThat(today).extracting(f -> f.league().id()).contains(39, 71);
		assertThat(today).allMatch(f -> f.kickoff().atZone(brasilia).toLocalDate().equals(LocalDate.of(2026, 11, 23)));
		// 23 November 2024 was a Saturday of seven Premier League games; on 23 November 2023 the Brasileirão
		// played at 19:00 and 21:30 Brasília time (the second one is 00:30 UTC on the 24th: still that evening here).
		assertThat(today).filteredOn(f -> f.league().id() == 39).hasSize(7);
		assertThat(today).filteredOn(f -> f.league().id() == 71).extracting(f -> f.home().name())
			.containsExactly("Fortaleza", "Flamengo");
		assertThat(simulator.replayedDays()).containsEntry("Premier League", LocalDate.of(2024, 11, 23))
			.containsEntry("Brasileirão Série A", LocalDate.of(2023, 11, 23));
	}

	@Test
	void servesASeasonWithResultsBeforeTodayAndFixturesAfter() {
		List<Fixture> season = Wire.fixtures(get("/fixtures", "league", 39, "season", 2024));
		assertThat(season).hasSize(380);
		Instant now = CLOCK.instant();
		assertThat(season.stream().filter(Fixture::isFinished)).allMatch(f -> f.kickoff().isBefore(now) && f.homeGoals() != null);
		assertThat(season.stream().filter(Fixture::isFinished).count()).isGreaterThanOrEqualTo(60);
		assertThat(season.stream().filter(Fixture::isUpcoming)).allMatch(f -> f.homeGoals() == null);
	}

	@Test
	void computesTheTableFromTheMatchesPlayed() {
		List<StandingRow> table = Wire.standings(get("/standings", "league", 71, "season", 2023));
		assertThat(table).hasSize(20);
		assertThat(table).isSortedAccordingTo(java.util.Comparator.comparingInt(StandingRow::rank));
		assertThat(table.get(0).points()).isGreaterThanOrEqualTo(table.get(19).points());
		int played = table.stream().mapToInt(StandingRow::played).sum();
		int goalDifference = table.stream().mapToInt(StandingRow::goalsDiff).sum();
		assertThat(played % 2).isZero();
		assertThat(goalDifference).isZero();
		assertThat(table).allMatch(row -> row.points() == row.win() * 3 + row.draw());
		TeamStatistics leader = Wire.teamStatistics(get("/teams/statistics", "league", 71, "season", 2023, "team",
				table.get(0).team().id()));
		assertThat(leader.played()).isEqualTo(table.get(0).played());
		assertThat(leader.goalsFor()).isEqualTo(table.get(0).goalsFor());
	}

	@Test
	void findsTeamsIgnoringCaseAndAccentsAndRefusesShortSearches() {
		List<Team> teams = Wire.teams(get("/teams", "search", "FLAMENGO"));
		assertThat(teams).extracting(Team::name).containsExactly("Flamengo");
		assertThat(Wire.teams(get("/teams", "search", "são paulo"))).extracting(Team::name).containsExactly("Sao Paulo");
		assertThat(get("/teams", "search", "fl").path("errors").path("search").asString()).contains("at least 3");
		long flamengo = teams.get(0).id();
		List<Fixture> next = Wire.fixtures(get("/fixtures", "team", flamengo, "next", 3));
		assertThat(next).hasSize(3).allMatch(Fixture::isUpcoming)
			.allMatch(f -> f.home().id() == flamengo || f.away().id() == flamengo);
	}

	@Test
	void servesCornersOfFinishedMatchesOnly() {
		List<Fixture> season = Wire.fixtures(get("/fixtures", "league", 71, "season", 2023));
		Fixture finished = season.stream().filter(Fixture::isFinished).findFirst().orElseThrow();
		assertThat(Wire.fixtureStatistics(get("/fixtures/statistics", "fixture", finished.id())))
			.hasSize(2)
			.allMatch(team -> team.corners() != null);
		Fixture upcoming = season.stream().filter(Fixture::isUpcoming).findFirst().orElseThrow();
		assertThat(Wire.fixtureStatistics(get("/fixtures/statistics", "fixture", upcoming.id()))).isEmpty();
	}

	@Test
	void pagesTheDaysOddsTenFixturesAPage() {
		Page<FixtureOdds> first = Wire.odds(get("/odds", "date", LocalDate.of(2026, 11, 23), "page", 1));
		assertThat(first.items()).hasSizeLessThanOrEqualTo(10).isNotEmpty();
		FixtureOdds.Bookmaker bookmaker = first.items().get(0).bookmakers().get(0);
		assertThat(bookmaker.bet(1).odd("Home")).isGreaterThan(1.0);
		int all = 0;
		for (int page = 1; page <= first.total(); page++) {
			all += Wire.odds(get("/odds", "date", LocalDate.of(2026, 11, 23), "page", page)).items().size();
		}
		assertThat(all).isEqualTo(simulator.todaysFixtureIds().size());
	}

	@Test
	void narrowsADaysOddsToOneLeaguesSeason() {
		ZoneId brasilia = ZoneId.of("America/Sao_Paulo");
		LocalDate day = LocalDate.of(2026, 11, 23);
		List<Long> premierLeague = Wire.fixtures(get("/fixtures", "date", day, "timezone", brasilia)).stream()
			.filter(f -> f.league().id() == 39)
			.map(Fixture::id)
			.toList();

		Page<FixtureOdds> narrow = Wire.odds(get("/odds", "league", 39, "season", 2024, "date", day, "page", 1,
				"timezone", brasilia));

		assertThat(narrow.items()).extracting(FixtureOdds::fixtureId).containsExactlyInAnyOrderElementsOf(premierLeague);
		assertThat(narrow.total()).isEqualTo(1);
		assertThat(Wire.odds(get("/odds", "league", 39, "season", 2019, "date", day)).items()).isEmpty();
		assertThat(Wire.odds(get("/odds", "league", 71, "season", 2024, "date", day)).items()).isEmpty();
	}

	@Test
	void enforcesAPlansDailyAndPerMinuteLimitsLikeApiFootball() {
		io.analytips.common.MutableClock clock = new io.analytips.common.MutableClock();
		ApiFootballSimulator limited = new ApiFootballSimulator(io.analytips.football.sim.data.HistoricalData.of(List.of()),
				clock, ApiFootballSimulator.KEY).plan(3, 2);
		ApiRequest leagues = ApiRequest.of("/leagues");
		StepVerifier.create(limited.handle(leagues, ApiFootballSimulator.KEY))
			.assertNext(response -> {
				assertThat(response.status()).isEqualTo(200);
				assertThat(response.header("x-ratelimit-requests-limit")).isEqualTo("3");
				assertThat(response.header("x-ratelimit-requests-remaining")).isEqualTo("2");
				assertThat(response.header("X-RateLimit-Limit")).isEqualTo("2");
			})
			.verifyComplete();
		StepVerifier.create(limited.handle(leagues, ApiFootballSimulator.KEY))
			.assertNext(response -> assertThat(response.status()).isEqualTo(200))
			.verifyComplete();
		StepVerifier.create(limited.handle(leagues, ApiFootballSimulator.KEY)) // the minute's two are spent
			.assertNext(response -> {
				assertThat(response.status()).isEqualTo(429);
				assertThat(new String(response.body())).contains("rateLimit");
			})
			.verifyComplete();
		clock.advance(java.time.Duration.ofMinutes(1));
		StepVerifier.create(limited.handle(leagues, ApiFootballSimulator.KEY))
			.assertNext(response -> assertThat(response.status()).isEqualTo(200))
			.verifyComplete();
		StepVerifier.create(limited.handle(leagues, ApiFootballSimulator.KEY)) // the day's three are spent
			.assertNext(response -> assertThat(new String(response.body())).contains("\"requests\""))
			.verifyComplete();
		// /status costs nothing, and reports the day's use
		StepVerifier.create(limited.handle(ApiRequest.of("/status"), ApiFootballSimulator.KEY))
			.assertNext(response -> assertThat(new String(response.body())).contains("\"current\":3", "\"limit_day\":3"))
			.verifyComplete();
		clock.advance(java.time.Duration.ofHours(12)); // past 00:00 UTC
		StepVerifier.create(limited.handle(leagues, ApiFootballSimulator.KEY))
			.assertNext(response -> assertThat(response.status()).isEqualTo(200))
			.verifyComplete();
	}

	@Test
	void answersHeadToHeadFromEveryBundledSeason() {
		List<Team> arsenal = Wire.teams(get("/teams", "search", "arsenal"));
		List<Team> chelsea = Wire.teams(get("/teams", "search", "chelsea"));
		List<Fixture> meetings = Wire.fixtures(get("/fixtures/headtohead", "h2h",
				arsenal.get(0).id() + "-" + chelsea.get(0).id(), "last", 10));
		assertThat(meetings).hasSizeGreaterThanOrEqualTo(4).allMatch(Fixture::isFinished);
	}

	@Test
	void rejectsAWrongKeyWithErrorsToken() {
		RawResponse response = simulator.handle(ApiRequest.of("/status"), "wrong").block();
		assertThat(new String(response.body())).contains("\"token\"");
		assertThat(response.header("x-ratelimit-requests-remaining")).isNotNull();
	}

	@Test
	void injectsFaultsAndCountsCalls() {
		ApiFootballSimulator faulty = new ApiFootballSimulator(io.analytips.football.sim.data.HistoricalData.of(List.of()),
				CLOCK, "k");
		faulty.faults().failNext(1, 503).errorsNext(1, "requests", "spent");
		StepVerifier.create(faulty.handle(ApiRequest.of("/status"), "k"))
			.assertNext(r -> assertThat(r.status()).isEqualTo(503))
			.verifyComplete();
		StepVerifier.create(faulty.handle(ApiRequest.of("/status"), "k"))
			.assertNext(r -> assertThat(new String(r.body())).contains("\"requests\":\"spent\""))
			.verifyComplete();
		StepVerifier.create(faulty.handle(ApiRequest.of("/status"), "k"))
			.assertNext(r -> assertThat(new String(r.body())).contains("\"limit_day\""))
			.verifyComplete();
		faulty.faults().quotaExhausted(true);
		StepVerifier.create(faulty.handle(ApiRequest.of("/leagues"), "k"))
			.assertNext(r -> assertThat(new String(r.body())).contains("request limit for the day"))
			.verifyComplete();
		faulty.faults().reset().hangNext(1);
		StepVerifier.create(faulty.handle(ApiRequest.of("/status"), "k")).expectSubscription()
			.expectNoEvent(java.time.Duration.ofMillis(100)).thenCancel().verify();
		assertThat(faulty.calls()).isEqualTo(5);
		assertThat(faulty.callsByPath()).containsEntry("/status", 4L).containsEntry("/leagues", 1L);
		assertThat(faulty.callsOf(ApiRequest.of("/leagues"))).isEqualTo(1);
	}
}
