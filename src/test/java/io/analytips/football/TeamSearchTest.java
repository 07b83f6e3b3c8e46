package io.analytips.football;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.analytips.football.api.ApiFootballException;
import io.analytips.football.api.Requests;
import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Search that forgives, against the simulator (the Premier League 2024/25 and the Brasileirão 2023,
 * named as football-data.co.uk spells them: "Man City", "Nott'm Forest", "Sao Paulo", "Vasco"): real-world
 * names, nicknames and abbreviations in both languages find the teams fans mean, shown as fans write them.
 */
class TeamSearchTest {

	private final BotTestKit kit = new BotTestKit();

	private final TeamSearch search = kit.teamSearch;

	@AfterEach
	void close() {
		kit.close();
	}

	static Stream<Arguments> realWorldNames() {
		return Stream.of(
				// Premier League: full names, the data's and API-Football's short ones, what fans type
				arguments("Manchester City", List.of("Manchester City")),
				arguments("man. city", List.of("Manchester City")),
				arguments("Man Utd", List.of("Manchester United")),
				arguments("Manchester United", List.of("Manchester United")),
				arguments("Spurs", List.of("Tottenham Hotspur")),
				arguments("Tottenham Hotspur", List.of("Tottenham Hotspur")),
				arguments("Nottingham Forest", List.of("Nottingham Forest")),
				arguments("nott'm forest", List.of("Nottingham Forest")),
				arguments("Forest", List.of("Nottingham Forest")),
				arguments("Brighton & Hove Albion", List.of("Brighton & Hove Albion")),
				arguments("brighton and hove albion", List.of("Brighton & Hove Albion")),
				arguments("Wolverhampton", List.of("Wolverhampton")),
				arguments("Wolves", List.of("Wolverhampton")),
				arguments("Gunners", List.of("Arsenal")),
				arguments("Hammers", List.of("West Ham United")),
				arguments("City", List.of("Manchester City", "Leicester City")),
				arguments("United", List.of("Manchester United", "Newcastle United", "West Ham United")),
				// Brasileirão: accents or none, any case, nicknames
				arguments("Vasco da Gama", List.of("Vasco da Gama")),
				arguments("São Paulo", List.of("São Paulo")),
				arguments("sao paulo", List.of("São Paulo")),
				arguments("SÃO PAULO", List.of("São Paulo")),
				arguments("SPFC", List.of("São Paulo")),
				arguments("Gremio", List.of("Grêmio")),
				arguments("Atletico Mineiro", List.of("Atlético-MG")),
				arguments("Galo", List.of("Atlético-MG")),
				arguments("Timão", List.of("Corinthians")),
				arguments("timao", List.of("Corinthians")),
				arguments("Mengão", List.of("Flamengo")),
				arguments("Fogão", List.of("Botafogo")),
				arguments("Verdão", List.of("Palmeiras")),
				arguments("Colorado", List.of("Internacional")),
				arguments("Peixe", List.of("Santos")),
				arguments("Furacão", List.of("Athletico-PR")),
				arguments("Massa Bruta", List.of("Bragantino")),
				arguments("Leão", List.of("Fortaleza")),
				// several clubs: a choice (Atlético-GO played 2022 and 2024, not the 2023 the simulator replays)
				arguments("Atlético", List.of("Atlético-MG", "Athletico-PR")),
				arguments("Tricolor", List.of("São Paulo", "Fluminense", "Grêmio", "Bahia", "Fortaleza")),
				// a name inside a sentence typed at the menu
				arguments("próximo jogo do Palmeiras", List.of("Palmeiras")));
	}

	@ParameterizedTest(name = "\"{0}\" finds {1}")
	@MethodSource("realWorldNames")
	void findsTheTeamsFansMean(String query, List<String> teams) {
		StepVerifier.create(search.search(query))
			.assertNext(found -> {
				assertThat(found.found()).extracting(FoundTeam::name).containsExactlyInAnyOrderElementsOf(teams);
				assertThat(found.found()).allSatisfy(team -> assertThat(team.id()).isPositive());
			})
			.verifyComplete();
	}

	static Stream<Arguments> nearMisses() {
		return Stream.of(arguments("Palmeras", List.of("Palmeiras")), arguments("Chelsae", List.of("Chelsea")),
				arguments("Corintians", List.of("Corinthians")), arguments("Flamengoo", List.of("Flamengo")),
				arguments("Manchster", List.of("Manchester City", "Manchester United")));
	}

	@ParameterizedTest(name = "\"{0}\": did you mean {1}?")
	@MethodSource("nearMisses")
	void offersTheTeamsANearMissNearlySpells(String query, List<String> teams) {
		StepVerifier.create(search.search(query))
			.assertNext(found -> {
				assertThat(found.found()).isEmpty();
				assertThat(found.nearMisses()).extracting(FoundTeam::name).containsExactlyInAnyOrderElementsOf(teams);
			})
			.verifyComplete();
	}

	@Test
	void findsNothingForANameNoTeamHasNorNearlyHas() {
		StepVerifier.create(search.search("Xyzzy FC")).expectNext(TeamMatches.NONE).verifyComplete();
		StepVerifier.create(search.search(" ?! ")).expectNext(TeamMatches.NONE).verifyComplete();
	}

	@Test
	void saysWhyWhenApiFootballCannotAnswerAndNothingIsCached() {
		kit.football.faults().quotaExhausted(true);

		StepVerifier.create(search.search("Xyzzy FC")).expectError(ApiFootballException.class).verify(Duration.ofSeconds(10));
	}

	@Test
	void aHungApiFootballEndsInAnErrorAfterTheRetriesWithoutTheTestWaiting() {
		kit.football.faults().hangNext(100);

		StepVerifier.withVirtualTime(() -> search.search("Xyzzy FC"))
			.expectSubscription()
			.thenAwait(Duration.ofMinutes(3))
			.expectError(ApiFootballException.class)
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void asksApiFootballWhenTheOfferedLeaguesCannotBeRead() {
		kit.football.faults().failNext(1, 400); // the leagues' current seasons

		StepVerifier.create(search.search("Spurs"))
			.assertNext(found -> assertThat(found.found()).extracting(FoundTeam::name).containsExactly("Tottenham Hotspur"))
			.verifyComplete();
		assertThat(kit.football.callsOf(Requests.teamSearch("tottenham"))).isOne();
	}

	@Test
	void findsAClubOfTheTableOutsideTheOfferedLeaguesByItsApiFootballName() {
		TeamSearch premierLeagueOnly = new TeamSearch(kit.data, TeamNames.bundled(), List.of(39));

		StepVerifier.create(premierLeagueOnly.search("Mengão"))
			.assertNext(found -> assertThat(found.found()).extracting(FoundTeam::name, FoundTeam::country)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("Flamengo", "Brazil")))
			.verifyComplete();
		StepVerifier.create(premierLeagueOnly.search("Sao Paulo"))
			.assertNext(found -> assertThat(found.found()).extracting(FoundTeam::name).containsExactly("São Paulo"))
			.verifyComplete();
	}

	@Test
	void spendsOneCallForTheSeasonsAndOnePerLeagueADayAndNoneForANameFoundThere() {
		for (String name : List.of("Galo", "Spurs", "sao paulo", "Manchester City", "Timão")) {
			StepVerifier.create(search.search(name)).expectNextCount(1).verifyComplete();
		}
		StepVerifier.create(search.search("Palmeras")).expectNextCount(1).verifyComplete();
		StepVerifier.create(search.search("PALMERAS")).expectNextCount(1).verifyComplete();

		assertThat(kit.football.callsOf(Requests.currentLeagues())).isOne();
		assertThat(kit.football.callsOf(Requests.teamsOf(39, 2024))).isOne();
		assertThat(kit.football.callsOf(Requests.teamsOf(71, 2023))).isOne();
		assertThat(kit.football.callsOf(Requests.teamSearch("palmeras"))).as("a near miss, asked upstream once").isOne();
		assertThat(kit.football.calls()).isEqualTo(4);
	}

	@Test
	void cleansANameForApiFootballsSearch() {
		assertThat(TeamSearch.searchable("  São  Paulo ")).isEqualTo("sao paulo");
		assertThat(TeamSearch.searchable("Atletico-MG")).isEqualTo("atletico-mg");
		assertThat(TeamSearch.searchable("Nott'm Forest")).isEqualTo("nottm forest");
		assertThat(TeamSearch.searchable("<b>Tom & Jerry</b>")).isEqualTo("b tom jerry b");
	}
}
