package io.analytips.football.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.analytips.common.MutableClock;
import io.analytips.football.api.ApiRequest;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.StandingRow;
import io.analytips.football.api.TeamStatistics;
import io.analytips.football.api.Wire;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Today's matches are played as the simulator's clock goes, on every endpoint: on 23 November 2026
 * the Premier League replays 23 November 2024, when Fulham, 1-1 at half-time, lost 1-4 to Wolves
 * (kick-off 15:00 UTC).
 */
class ApiFootballSimulatorMatchesInPlayTest {

	private static final Instant KICKOFF = Instant.parse("2026-11-23T15:00:00Z");

	private final MutableClock clock = new MutableClock(); // 2026-11-23T12:00:00Z, 09:00 in Brasília

	private final ApiFootballSimulator simulator = ApiFootballSimulator.bundled(clock);

	private final Fixture fulhamWolves = fixturesOfToday().stream()
		.filter(f -> f.home().name().equals("Fulham"))
		.findFirst()
		.orElseThrow();

	private JsonNode get(String path, Object... parameters) {
		AtomicReference<JsonNode> body = new AtomicReference<>();
		StepVerifier.create(simulator.handle(ApiRequest.of(path, parameters), ApiFootballSimulator.KEY))
			.assertNext(response -> {
				assertThat(response.status()).isEqualTo(200);
				body.set(JsonMapper.builder().build().readTree(response.body()));
			})
			.verifyComplete();
		return body.get();
	}

	private void at(String afterKickoff) {
		clock.advance(Duration.between(clock.instant(), KICKOFF.plus(Duration.parse(afterKickoff))));
	}

	private List<Fixture> fixturesOfToday() {
		return Wire.fixtures(get("/fixtures", "date", LocalDate.of(2026, 11, 23)));
	}

	/** The match as the date, id and ids endpoints each answer it, raw. */
	private List<JsonNode> fromEveryEndpoint() {
		long id = fulhamWolves.id();
		JsonNode byDate = null;
		for (JsonNode item : get("/fixtures", "date", LocalDate.of(2026, 11, 23)).path("response")) {
			if (item.path("fixture").path("id").asLong() == id) {
				byDate = item;
			}
		}
		JsonNode byIds = get("/fixtures", "ids", id + "-" + (id + 1)).path("response").get(0);
		return List.of(byDate, get("/fixtures", "id", id).path("response").get(0), byIds);
	}

	private static String status(JsonNode item) {
		JsonNode fixture = item.path("fixture");
		JsonNode goals = item.path("goals");
		return fixture.path("status").path("short").asString() + " " + fixture.path("status").path("elapsed") + "' "
				+ goals.path("home") + "-" + goals.path("away");
	}

	@Test
	void isNotStartedBeforeKickOff() {
		at("-PT1M");
		assertThat(fromEveryEndpoint()).extracting(ApiFootballSimulatorMatchesInPlayTest::status)
			.containsOnly("NS null' null-null");
		assertThat(fromEveryEndpoint()).allSatisfy(item -> {
			assertThat(item.path("fixture").path("periods").path("first").isNull()).isTrue();
			assertThat(item.path("score").path("halftime").path("home").isNull()).isTrue();
		});
		assertThat(fulhamWolves.isUpcoming()).isTrue();
	}

	@Test
	void playsTheFirstHalfAtNilNil() {
		at("PT30M");
		assertThat(fromEveryEndpoint()).extracting(ApiFootballSimulatorMatchesInPlayTest::status)
			.containsOnly("1H 30' 0-0");
		assertThat(fromEveryEndpoint()).allSatisfy(item -> {
			assertThat(item.path("fixture").path("periods").path("first").asLong()).isEqualTo(KICKOFF.getEpochSecond());
			assertThat(item.path("fixture").path("periods").path("second").isNull()).isTrue();
			assertThat(item.path("score").path("halftime").path("home").isNull()).isTrue();
			assertThat(item.path("teams").path("home").path("winner").isNull()).isTrue();
		});
		assertThat(Wire.fixtures(get("/fixtures", "id", fulhamWolves.id()))).singleElement()
			.matches(Fixture::isLive)
			.matches(f -> f.elapsed() == 30);
	}

	@Test
	void showsTheHalfTimeScoreFromHalfTime() {
		at("PT50M");
		assertThat(fromEveryEndpoint()).extracting(ApiFootballSimulatorMatchesInPlayTest::status)
			.containsOnly("HT 45' 1-1");
		assertThat(fromEveryEndpoint()).allSatisfy(item -> {
			assertThat(item.path("score").path("halftime").path("home").asInt()).isEqualTo(1);
			assertThat(item.path("score").path("halftime").path("away").asInt()).isEqualTo(1);
			assertThat(item.path("score").path("fulltime").path("home").isNull()).isTrue();
		});
	}

	@Test
	void playsTheSecondHalfFromTheFortySixthMinute() {
		at("PT70M30S");
		assertThat(fromEveryEndpoint()).extracting(ApiFootballSimulatorMatchesInPlayTest::status)
			.containsOnly("2H 56' 1-1");
		assertThat(fromEveryEndpoint()).allSatisfy(item -> assertThat(item.path("fixture").path("periods")
			.path("second").asLong()).isEqualTo(KICKOFF.plusSeconds(3600).getEpochSecond()));
		// no statistics until it is over: the data has only full-time ones
		assertThat(get("/fixtures", "ids", fulhamWolves.id()).path("response").get(0).path("statistics")).isEmpty();
		assertThat(get("/fixtures/statistics", "fixture", fulhamWolves.id()).path("response")).isEmpty();
	}

	@Test
	void isFinishedWithTheRealResultAHundredAndFiveMinutesAfterKickOff() {
		at("PT104M59S");
		assertThat(fromEveryEndpoint()).extracting(ApiFootballSimulatorMatchesInPlayTest::status)
			.containsOnly("2H 90' 1-1");
		at("PT105M");
		assertThat(fromEveryEndpoint()).extracting(ApiFootballSimulatorMatchesInPlayTest::status)
			.containsOnly("FT 90' 1-4");
		assertThat(fromEveryEndpoint()).allSatisfy(item -> {
			assertThat(item.path("score").path("halftime").path("away").asInt()).isEqualTo(1);
			assertThat(item.path("score").path("fulltime").path("away").asInt()).isEqualTo(4);
			assertThat(item.path("teams").path("away").path("winner").asBoolean()).isTrue();
			assertThat(item.path("teams").path("home").path("winner").asBoolean()).isFalse();
		});
		assertThat(get("/fixtures", "ids", fulhamWolves.id()).path("response").get(0).path("statistics")).hasSize(2);
	}

	@Test
	void keepsEarlierDaysFinishedAndLaterDaysNotStarted() {
		at("PT50M");
		assertThat(Wire.fixtures(get("/fixtures", "date", LocalDate.of(2026, 11, 22)))).isNotEmpty()
			.allMatch(Fixture::isFinished);
		assertThat(Wire.fixtures(get("/fixtures", "date", LocalDate.of(2026, 11, 25)))).isNotEmpty()
			.allMatch(Fixture::isUpcoming);
		List<Fixture> season = Wire.fixtures(get("/fixtures", "league", 39, "season", 2024));
		assertThat(season).filteredOn(f -> f.id() == fulhamWolves.id()).singleElement()
			.matches(f -> f.status().equals("HT"));
	}

	@Test
	void countsTheMatchInTheTableOnlyOnceItIsOver() {
		at("PT104M59S");
		StandingRow during = row(fulhamWolves.away().id());
		TeamStatistics statisticsDuring = teamStatistics(fulhamWolves.away().id());
		at("PT105M");
		StandingRow after = row(fulhamWolves.away().id());
		assertThat(after.played()).isEqualTo(during.played() + 1);
		assertThat(after.win()).isEqualTo(during.win() + 1);
		assertThat(after.goalsFor()).isEqualTo(during.goalsFor() + 4);
		assertThat(after.points()).isEqualTo(during.points() + 3);
		assertThat(teamStatistics(fulhamWolves.away().id()).played()).isEqualTo(statisticsDuring.played() + 1);
	}

	@Test
	void isATeamsNextMatchUntilItIsOverAndItsLastFromThenOn() {
		long fulham = fulhamWolves.home().id();
		String teams = fulhamWolves.home().id() + "-" + fulhamWolves.away().id();
		at("PT50M");
		assertThat(Wire.fixtures(get("/fixtures", "team", fulham, "next", 1))).extracting(Fixture::id)
			.containsExactly(fulhamWolves.id());
		assertThat(Wire.fixtures(get("/fixtures", "team", fulham, "last", 1))).extracting(Fixture::id)
			.doesNotContain(fulhamWolves.id());
		assertThat(Wire.fixtures(get("/fixtures/headtohead", "h2h", teams))).extracting(Fixture::id)
			.doesNotContain(fulhamWolves.id());
		at("PT105M");
		assertThat(Wire.fixtures(get("/fixtures", "team", fulham, "next", 1))).extracting(Fixture::id)
			.doesNotContain(fulhamWolves.id());
		assertThat(Wire.fixtures(get("/fixtures", "team", fulham, "last", 1))).extracting(Fixture::id)
			.containsExactly(fulhamWolves.id());
		assertThat(Wire.fixtures(get("/fixtures/headtohead", "h2h", teams))).extracting(Fixture::id)
			.contains(fulhamWolves.id());
	}

	private StandingRow row(long team) {
		return Wire.standings(get("/standings", "league", 39, "season", 2024)).stream()
			.filter(r -> r.team().id() == team)
			.findFirst()
			.orElseThrow();
	}

	private TeamStatistics teamStatistics(long team) {
		return Wire.teamStatistics(get("/teams/statistics", "league", 39, "season", 2024, "team", team));
	}
}
