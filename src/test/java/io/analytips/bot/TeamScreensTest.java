package io.analytips.bot;

import java.time.Duration;

import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screens of finding a team, against the in-process simulator. API-Football's latency and
 * hangs, the client's timeouts and its retries are all Reactor timers: in virtual time a test
 * skips minutes of them in milliseconds.
 */
class TeamScreensTest {

	private final BotTestKit kit = new BotTestKit();

	private final Messages messages = new Messages();

	private final TeamScreens teams = new TeamScreens(kit.data, messages, new Menus(messages));

	@AfterEach
	void close() {
		kit.close();
	}

	@Test
	void findsTeamsByAnyPartOfTheirNameAndNothingForANameNoTeamHas() {
		StepVerifier.create(teams.find("man"))
			.assertNext(found -> assertThat(found).extracting(team -> team.name()).contains("Man City", "Man United"))
			.verifyComplete();
		StepVerifier.create(teams.find("Xyzzy")).assertNext(found -> assertThat(found).isEmpty()).verifyComplete();
	}

	@Test
	void aTeamsNextGamesLeadToTheirAnalysisMenus() {
		long flamengo = teams.find("flamengo").block().get(0).id();
		StepVerifier.create(teams.games(flamengo, Readers.ENGLISH_IN_BRASILIA))
			.assertNext(screen -> {
				assertThat(screen.html()).contains("Next games — Flamengo", "Brasília time");
				assertThat(screen.keyboard().inlineKeyboard()).flatExtracting(row -> row)
					.anyMatch(button -> button.callbackData().startsWith("f:"));
			})
			.verifyComplete();
	}

	@Test
	void showsKickOffsInTheReadersTimeZone() {
		long flamengo = teams.find("flamengo").block().get(0).id();
		StepVerifier.create(teams.games(flamengo, Readers.ENGLISH))
			.assertNext(screen -> assertThat(screen.html()).contains("Next games — Flamengo", "London time"))
			.verifyComplete();
	}

	@Test
	void waitsForASlowApiFootballWithoutTheTestWaiting() {
		kit.football.faults().latency(Duration.ofSeconds(8));

		StepVerifier.withVirtualTime(() -> teams.find("flamengo"))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(7))
			.thenAwait(Duration.ofSeconds(1))
			.assertNext(found -> assertThat(found).extracting(team -> team.name()).containsExactly("Flamengo"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void aHungApiFootballEndsInOneSentenceAfterTheRetries() {
		kit.football.faults().hangNext(100);

		StepVerifier.withVirtualTime(() -> teams.games(71_001, Readers.PORTUGUESE))
			.expectSubscription()
			.thenAwait(Duration.ofMinutes(2))
			.assertNext(screen -> assertThat(screen.html()).contains("fonte de dados de futebol está indisponível")
				.doesNotContain("Exception", "Timeout"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}
}
