package io.analytips.football.cache;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.analytips.common.MutableClock;
import io.analytips.football.api.ApiRequest;
import io.analytips.football.api.Requests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CachePolicyTest {

	private final MutableClock clock = new MutableClock(); // 2026-11-23

	private final CachePolicy policy = new CachePolicy(clock, ZoneOffset.UTC);

	private static JsonNode envelope(String response) {
		return JsonMapper.builder().build().readTree("{\"errors\":[],\"response\":" + response + "}");
	}

	private Duration ttl(ApiRequest request, String response) {
		return policy.ttl(request, envelope(response));
	}

	@Test
	void keepsTodaysFixturesBrieflyAndOldDaysLonger() {
		assertThat(ttl(Requests.fixturesOn(LocalDate.of(2026, 11, 23), ZoneOffset.UTC), "[]")).isEqualTo(Duration.ofMinutes(10));
		assertThat(ttl(Requests.fixturesOn(LocalDate.of(2026, 11, 20), ZoneOffset.UTC), "[]")).isEqualTo(Duration.ofHours(12));
		assertThat(ttl(Requests.fixturesOn(LocalDate.of(2026, 11, 25), ZoneOffset.UTC), "[]")).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void keepsAFinishedMatchForAMonth() {
		assertThat(ttl(Requests.fixture(1), "[{\"fixture\":{\"status\":{\"short\":\"FT\"}}}]")).isEqualTo(Duration.ofDays(30));
		assertThat(ttl(Requests.fixture(1), "[{\"fixture\":{\"status\":{\"short\":\"NS\"}}}]")).isEqualTo(Duration.ofMinutes(10));
		assertThat(ttl(Requests.fixturesWithDetails(java.util.List.of(1L, 2L)),
				"[{\"fixture\":{\"status\":{\"short\":\"FT\"}}},{\"fixture\":{\"status\":{\"short\":\"2H\"}}}]"))
			.as("followed fixtures not all over: read again within a minute").isEqualTo(Duration.ofMinutes(1));
		assertThat(ttl(Requests.fixtureStatistics(1), "[{\"team\":{}}]")).isEqualTo(Duration.ofDays(30));
		assertThat(ttl(Requests.fixtureStatistics(1), "[]")).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void followsTheVendorsAdviceForReferenceDataAndOdds() {
		assertThat(ttl(Requests.teamSearch("flamengo"), "[]")).isEqualTo(Duration.ofHours(24));
		assertThat(ttl(Requests.league(71), "[]")).isEqualTo(Duration.ofHours(24));
		assertThat(ttl(Requests.teamStatistics(1, 2, 3), "{}")).isEqualTo(Duration.ofHours(12));
		assertThat(ttl(Requests.oddsForFixture(1), "[{}]")).isEqualTo(Duration.ofHours(3));
		assertThat(ttl(Requests.standings(1, 2), "[{}]")).isEqualTo(Duration.ofHours(3));
		assertThat(ttl(Requests.fixturesOfSeason(1, 2), "[]")).isEqualTo(Duration.ofHours(3));
		assertThat(ttl(Requests.nextFixtures(1, 5, ZoneOffset.UTC), "[]")).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void keepsASeasonThatIsOverForAMonthAndOneStillPlayedForThreeHours() {
		String over = "[{\"fixture\":{\"status\":{\"short\":\"FT\"}}},{\"fixture\":{\"status\":{\"short\":\"AET\"}}}]";
		String going = "[{\"fixture\":{\"status\":{\"short\":\"FT\"}}},{\"fixture\":{\"status\":{\"short\":\"NS\"}}}]";
		assertThat(ttl(Requests.fixturesOfSeason(39, 2023), over)).isEqualTo(Duration.ofDays(30));
		assertThat(ttl(Requests.fixturesOfSeason(39, 2024), going)).isEqualTo(Duration.ofHours(3));
		// a team's last matches are all finished too, but the next one joins them
		assertThat(ttl(Requests.lastFixtures(33, 5), over)).isEqualTo(Duration.ofHours(3));
	}
}
