package io.analytips.football;

import java.time.Duration;

import io.analytips.football.api.ApiFootballException;
import io.analytips.football.api.Team;
import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The offered leagues' current seasons and their teams, as the team search reads them. */
class FootballDataTeamsTest {

	private final BotTestKit kit = new BotTestKit();

	private final FootballData data = kit.data;

	@AfterEach
	void close() {
		kit.close();
	}

	@Test
	void readsALeaguesCurrentSeasonFromOneCallForAllLeagues() {
		StepVerifier.create(data.currentSeason(39)).expectNext(2024).verifyComplete();
		StepVerifier.create(data.currentSeason(71)).expectNext(2023).verifyComplete();
		StepVerifier.create(data.currentSeason(999)).as("a league API-Football does not list").verifyComplete();

		assertThat(kit.football.calls()).isOne();
	}

	@Test
	void readsALeaguesTeamsInItsCurrentSeason() {
		StepVerifier.create(data.teamsOf(39))
			.assertNext(cached -> assertThat(cached.value()).hasSize(20).extracting(Team::name)
				.contains("Man City", "Nott'm Forest", "Wolves"))
			.verifyComplete();
		StepVerifier.create(data.teamsOf(71))
			.assertNext(cached -> assertThat(cached.value()).extracting(Team::name).contains("Sao Paulo", "Vasco"))
			.verifyComplete();
		StepVerifier.create(data.teamsOf(999)).as("no current season, no teams").verifyComplete();
	}

	@Test
	void errsWhenApiFootballCannotAnswerAndNothingIsCached() {
		kit.football.faults().quotaExhausted(true);

		StepVerifier.create(data.currentSeason(39)).expectError(ApiFootballException.class).verify(Duration.ofSeconds(10));
		StepVerifier.create(data.teamsOf(39)).expectError(ApiFootballException.class).verify(Duration.ofSeconds(10));
	}

	@Test
	void servesTheDaysCopyOnceApiFootballIsDown() {
		StepVerifier.create(data.teamsOf(71)).expectNextCount(1).verifyComplete();
		kit.football.faults().quotaExhausted(true);

		StepVerifier.create(data.teamsOf(71))
			.assertNext(cached -> assertThat(cached.value()).hasSize(20))
			.verifyComplete();
	}
}
