package io.analytips.bot;

import java.time.Duration;
import java.util.List;

import io.analytips.football.api.ApiFootballException;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.Fixture;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixtures an inline query offers, from the simulator on the suite's Monday. */
class InlineFixturesTest {

	private static final List<Integer> LEAGUES = ApiTestSupport.properties("http://in-process", ApiFootballSimulator.KEY)
		.leagues();

	private final BotTestKit kit = new BotTestKit();

	private final Messages messages = new Messages();

	private final InlineFixtures fixtures = new InlineFixtures(
			new TeamScreens(kit.teamSearch, kit.data, messages, new Menus(messages)), kit.data, LEAGUES, kit.clock);

	@AfterEach
	void close() {
		kit.close();
	}

	private static boolean plays(Fixture fixture, String team) {
		return fixture.home().name().contains(team) || fixture.away().name().contains(team);
	}

	@Test
	void aNameOffersTheTeamsGamesStillToPlayByKickOff() {
		StepVerifier.create(fixtures.find(1, "Palmeiras", LEAGUES))
			.assertNext(found -> {
				assertThat(found).isNotEmpty().hasSizeLessThanOrEqualTo(InlineFixtures.MOST)
					.allMatch(fixture -> plays(fixture, "Palmeiras") && !fixture.isFinished());
				assertThat(found).extracting(Fixture::kickoff).isSorted();
			})
			.verifyComplete();
		assertThat(fixtures.remembered(1, "  palmeiras")).as("remembered by the name as folded").isPresent();
		assertThat(fixtures.remembered(2, "Palmeiras")).as("each bot its own").isEmpty();
	}

	@Test
	void anEmptyQueryOffersTodaysGamesLeagueByLeagueInTheBotsOrder() {
		List<Integer> reversed = List.of(LEAGUES.get(1), LEAGUES.get(0));

		StepVerifier.create(fixtures.find(1, "", reversed))
			.assertNext(found -> {
				assertThat(found).isNotEmpty().hasSizeLessThanOrEqualTo(InlineFixtures.MOST);
				assertThat(found.get(0).league().id()).isEqualTo(reversed.get(0));
				assertThat(found).extracting(fixture -> reversed.indexOf(fixture.league().id())).isSorted();
			})
			.verifyComplete();
	}

	@Test
	void aNameOfNoTeamOffersNothing() {
		StepVerifier.create(fixtures.find(1, "zzzz", LEAGUES))
			.assertNext(found -> assertThat(found).isEmpty())
			.verifyComplete();
		assertThat(fixtures.remembered(1, "zzzz")).contains(List.of());
	}

	@Test
	void errorsWhenApiFootballCannotAnswerAndNothingIsCachedAndRemembersNothing() {
		kit.football.faults().quotaExhausted(true);

		StepVerifier.withVirtualTime(() -> fixtures.find(1, "", LEAGUES))
			.thenAwait(Duration.ofMinutes(2))
			.expectError(ApiFootballException.class)
			.verify(Duration.ofSeconds(10));
		assertThat(fixtures.remembered(1, "")).isEmpty();
	}
}
