package io.analytips.football.api;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every sample in apifootball-samples parses, through the same envelope check as live answers. */
class WireTest {

	private static JsonNode envelope(String file) {
		return Envelope.read(Samples.ok(file), ApiRequest.of("/sample", "file", file));
	}

	/** Every file in the samples directory, so a sample added later is read here too. */
	static Stream<String> everySample() throws IOException, URISyntaxException {
		Path directory = Path.of(WireTest.class.getResource("/apifootball-samples/SOURCES.md").toURI()).getParent();
		try (Stream<Path> files = Files.list(directory)) {
			return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted().toList().stream();
		}
	}

	@ParameterizedTest
	@MethodSource("everySample")
	void everySampleIsReadOrRefusedAsABadRequest(String file) {
		try {
			JsonNode envelope = envelope(file);
			assertThat(envelope.path("response").isArray() || envelope.path("response").isObject()).as(file).isTrue();
		}
		catch (ApiFootballException ex) {
			assertThat(file).startsWith("error-");
			assertThat(ex.kind()).isEqualTo(ApiFootballException.Kind.BAD_REQUEST);
		}
	}

	@Test
	void readsASeasonOfFixtures() {
		List<Fixture> fixtures = Wire.fixtures(envelope("fixtures.json"));
		assertThat(fixtures).hasSize(71);
		Fixture first = fixtures.get(0);
		assertThat(first.id()).isEqualTo(1049115);
		assertThat(first.kickoff()).isEqualTo(Instant.parse("2024-03-30T17:30:00Z"));
		assertThat(first.home().name()).isEqualTo("Bayern Munich");
		assertThat(first.away().id()).isEqualTo(165);
		assertThat(first.league().id()).isEqualTo(78);
		assertThat(first.league().season()).isEqualTo(2023);
		assertThat(first.homeGoals()).isNull();
		assertThat(fixtures).allMatch(f -> f.isUpcoming() || "PST".equals(f.status()));
	}

	@Test
	void readsFinishedFixturesWithDetailAndHeadToHead() {
		List<Fixture> detail = Wire.fixtures(envelope("fixtures-ids-detail.json"));
		assertThat(detail).hasSize(2).allMatch(Fixture::isFinished);
		Fixture atletico = detail.stream().filter(f -> f.id() == 1149519).findFirst().orElseThrow();
		assertThat(atletico.homeGoals()).isEqualTo(2);
		assertThat(atletico.awayGoals()).isEqualTo(1);
		assertThat(atletico.referee()).isEqualTo("S. Marciniak");
		assertThat(Wire.fixtures(envelope("fixtures-headtohead.json"))).hasSize(8).allMatch(f -> f.home().id() > 0);
	}

	@Test
	void readsTheStatisticsEmbeddedInABulkFixturesAnswer() {
		var byFixture = Wire.embeddedStatistics(envelope("fixtures-ids-detail.json"));
		assertThat(byFixture).containsOnlyKeys(1149523L, 1149519L);
		assertThat(byFixture.get(1149519L)).hasSize(2).allSatisfy(team -> assertThat(team.corners()).isNotNull());
		assertThat(byFixture.get(1149519L).get(0).corners()).isEqualTo(5);
		assertThat(Requests.fixturesWithDetails(List.of(3L, 1L, 2L)).pathAndQuery()).isEqualTo("/fixtures?ids=1-2-3");
	}

	@Test
	void readsStatisticValuesAsNumbersPercentagesOrNothing() {
		List<FixtureTeamStatistics> statistics = Wire.fixtureStatistics(envelope("fixtures-statistics.json"));
		assertThat(statistics).hasSize(2);
		FixtureTeamStatistics atletico = statistics.get(0);
		assertThat(atletico.team().name()).isEqualTo("Atletico Madrid");
		assertThat(atletico.corners()).isEqualTo(5);
		assertThat(atletico.values()).containsEntry("Total Shots", 23.0).containsEntry("Ball Possession", 47.0)
			.containsEntry("expected_goals", 2.73).doesNotContainKey("Offsides");
		assertThat(Wire.fixtureStatistics(envelope("fixtures-statistics-type.json")).get(0).values())
			.containsKey("Ball Possession");
	}

	@Test
	void readsAllGroupsOfAStandingsTable() {
		List<StandingRow> table = Wire.standings(envelope("standings.json"));
		assertThat(table).hasSize(20);
		assertThat(table.get(0)).satisfies(row -> {
			assertThat(row.rank()).isEqualTo(1);
			assertThat(row.team().name()).isEqualTo("Manchester City");
			assertThat(row.points()).isEqualTo(89);
			assertThat(row.goalsDiff()).isEqualTo(61);
			assertThat(row.form()).isEqualTo("LDWWW");
			assertThat(row.played()).isEqualTo(38);
		});
	}

	@Test
	void readsTeamStatisticsWhoseResponseIsAnObjectAndAveragesAreStrings() {
		for (String file : List.of("teams-statistics.json", "teams-statistics-date.json")) {
			TeamStatistics leipzig = Wire.teamStatistics(envelope(file));
			assertThat(leipzig.team().id()).isEqualTo(173);
			assertThat(leipzig.played()).isPositive();
		}
		TeamStatistics season = Wire.teamStatistics(envelope("teams-statistics.json"));
		assertThat(season.played()).isEqualTo(34);
		assertThat(season.goalsFor()).isEqualTo(64);
		assertThat(season.goalsForAverage()).isEqualTo(1.9);
		assertThat(season.cleanSheets()).isEqualTo(10);
		assertThat(season.failedToScore()).isEqualTo(6);
		assertThat(season.form()).startsWith("DDLWLWLWDW");
	}

	@Test
	void readsOddsGivenAsStringsWithValuesThatMayBeNumbers() {
		Page<FixtureOdds> page = Wire.odds(envelope("odds.docs-example.json"));
		assertThat(page.isLast()).isTrue();
		FixtureOdds odds = page.items().get(0);
		assertThat(odds.fixtureId()).isEqualTo(326090);
		FixtureOdds.Bookmaker bwin = odds.bookmakers().get(0);
		assertThat(bwin.name()).isEqualTo("Bwin");
		assertThat(bwin.bet(1).odd("Home")).isEqualTo(2.5);
		assertThat(bwin.bet(5).odd("Over 2.5")).isEqualTo(2.35);
		assertThat(bwin.bet(8).odd("yes")).isEqualTo(2.0);
		assertThat(bwin.bet(38).values()).anyMatch(v -> v.value().equals("4"));
	}

	@Test
	void readsLeaguesTeamsStatusAndTheRest() {
		List<League> leagues = Wire.leagues(envelope("leagues.json"));
		assertThat(leagues).hasSize(33);
		assertThat(leagues.get(0)).isEqualTo(new League(989, "Oberliga - Relegation Round", "League", "Germany", 2022));
		List<Team> teams = Wire.teams(envelope("teams-search.json"));
		assertThat(teams).hasSize(16).anyMatch(t -> t.id() == 33 && t.name().equals("Manchester United"));
		assertThat(Wire.status(envelope("status.docs-example.json"))).isEqualTo(new ApiStatus("Free", true, 12, 100));
		assertThat(envelope("predictions.json").path("response")).hasSize(1);
		assertThat(envelope("timezone.json").path("response")).hasSize(427);
	}

	@Test
	void treatsErrorsInAnHttp200AsFailures() {
		assertThatThrownBy(() -> envelope("error-required-param.json"))
			.isInstanceOfSatisfying(ApiFootballException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ApiFootballException.Kind.BAD_REQUEST))
			.hasMessageContaining("At least one parameter is required");
		assertThatThrownBy(() -> envelope("error-incompatible-params.json"))
			.hasMessageContaining("cannot be used with the Search field");
	}

	@Test
	void classifiesEnvelopeErrorsAndHttpStatuses() {
		assertThat(kindOf(200, "{\"errors\":{\"token\":\"Error/Missing application key.\"},\"response\":[]}"))
			.isEqualTo(ApiFootballException.Kind.CONFIGURATION);
		assertThat(kindOf(200, "{\"errors\":{\"requests\":\"You have reached the request limit for the day\"},\"response\":[]}"))
			.isEqualTo(ApiFootballException.Kind.QUOTA_EXHAUSTED);
		assertThat(kindOf(200, "{\"errors\":{\"rateLimit\":\"Too many requests.\"},\"response\":[]}"))
			.isEqualTo(ApiFootballException.Kind.RATE_LIMITED);
		assertThat(kindOf(200, "{\"errors\":{\"plan\":\"Free plans do not have access to this season\"},\"response\":[]}"))
			.isEqualTo(ApiFootballException.Kind.BAD_REQUEST);
		assertThat(kindOf(429, "{}")).isEqualTo(ApiFootballException.Kind.RATE_LIMITED);
		assertThat(kindOf(500, "{\"message\":\"Something went wrong\"}")).isEqualTo(ApiFootballException.Kind.SERVER);
		assertThat(kindOf(499, "")).isEqualTo(ApiFootballException.Kind.SERVER);
		assertThat(kindOf(403, "{\"message\":\"You are not subscribed to this API.\"}"))
			.isEqualTo(ApiFootballException.Kind.CONFIGURATION);
		assertThat(kindOf(200, "<html>")).isEqualTo(ApiFootballException.Kind.SERVER);
		assertThat(Envelope.read(new RawResponse(200, Map.of(), "{\"errors\":{},\"response\":[]}".getBytes()),
				ApiRequest.of("/x"))).isNotNull();
	}

	private static ApiFootballException.Kind kindOf(int status, String body) {
		try {
			Envelope.read(new RawResponse(status, Map.of(), body.getBytes()), ApiRequest.of("/x"));
			throw new AssertionError("no failure");
		}
		catch (ApiFootballException ex) {
			return ex.kind();
		}
	}
}
