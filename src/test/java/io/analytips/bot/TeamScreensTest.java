package io.analytips.bot;

import java.time.Duration;

import io.analytips.football.FoundTeam;
import io.analytips.football.TeamMatches;
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

	private final TeamScreens teams = new TeamScreens(kit.teamSearch, kit.data, messages, new Menus(messages));

	@AfterEach
	void close() {
		kit.close();
	}

	@Test
	void findsTeamsByTheStartOfAnyOfTheirNamesAndNothingForANameNoTeamHas() {
		StepVerifier.create(teams.find("man"))
			.assertNext(found -> assertThat(found.found()).extracting(FoundTeam::name)
				.containsExactlyInAnyOrder("Manchester City", "Manchester United"))
			.verifyComplete();
		StepVerifier.create(teams.find("Xyzzy"))
			.assertNext(found -> assertThat(found).isEqualTo(TeamMatches.NONE))
			.verifyComplete();
	}

	@Test
	void showsTheTeamsFoundByTheNamesFansWrite() {
		TeamMatches found = teams.find("Atlético").block();

		Screen screen = teams.found("Atlético", found, null, Readers.ENGLISH).block();

		assertThat(screen.html()).isEqualTo("Teams found for <b>Atlético</b>:");
		assertThat(screen.keyboard().inlineKeyboard()).flatExtracting(row -> row)
			.filteredOn(button -> button.callbackData().startsWith("tm:"))
			.extracting(button -> button.text())
			.containsExactlyInAnyOrder("Atlético-MG (Brazil)", "Athletico-PR (Brazil)");
	}

	@Test
	void asksWhetherANearMissWasMeantWithAButtonForTheTeam() {
		TeamMatches near = teams.find("Palmeras").block();
		Screen none = new Screen("none", null);

		StepVerifier.create(teams.found("Palmeras", near, none, Readers.PORTUGUESE))
			.assertNext(screen -> {
				assertThat(screen.html()).isEqualTo("Nenhum time encontrado para <b>Palmeras</b>. Você quis dizer <b>Palmeiras</b>?");
				assertThat(screen.keyboard().inlineKeyboard().get(0)).singleElement()
					.satisfies(button -> assertThat(button.text()).isEqualTo("Palmeiras (Brasil)"))
					.satisfies(button -> assertThat(button.callbackData()).isEqualTo("tm:" + near.nearMisses().get(0).id()));
			})
			.verifyComplete();
		StepVerifier.create(teams.found("Manchster", teams.find("Manchster").block(), none, Readers.ENGLISH))
			.assertNext(screen -> assertThat(screen.html()).isEqualTo("No team found for <b>Manchster</b>. Did you mean one of these?"))
			.verifyComplete();
		StepVerifier.create(teams.found("Xyzzy", TeamMatches.NONE, none, Readers.ENGLISH)).expectNext(none).verifyComplete();
	}

	@Test
	void aTeamsNextGamesLeadToTheirAnalysisMenus() {
		long flamengo = teams.find("flamengo").block().found().get(0).id();
		StepVerifier.create(teams.games(flamengo, null, Readers.ENGLISH_IN_BRASILIA))
			.assertNext(screen -> {
				assertThat(screen.html()).contains("Next games — Flamengo", "Brasília time");
				assertThat(screen.keyboard().inlineKeyboard()).flatExtracting(row -> row)
					.anyMatch(button -> button.callbackData().startsWith("f:"));
			})
			.verifyComplete();
	}

	@Test
	void showsKickOffsInTheReadersTimeZone() {
		long flamengo = teams.find("flamengo").block().found().get(0).id();
		StepVerifier.create(teams.games(flamengo, null, Readers.ENGLISH))
			.assertNext(screen -> assertThat(screen.html()).contains("Next games — Flamengo", "London time"))
			.verifyComplete();
	}

	@Test
	void waitsForASlowApiFootballWithoutTheTestWaiting() {
		kit.football.faults().latency(Duration.ofSeconds(8));

		// two reads one after the other: the leagues' current seasons, then each league's teams
		StepVerifier.withVirtualTime(() -> teams.find("flamengo"))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(15))
			.thenAwait(Duration.ofSeconds(1))
			.assertNext(found -> assertThat(found.found()).extracting(FoundTeam::name).containsExactly("Flamengo"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void aHungApiFootballEndsInOneSentenceAfterTheRetries() {
		kit.football.faults().hangNext(100);

		StepVerifier.withVirtualTime(() -> teams.games(71_001, null, Readers.PORTUGUESE))
			.expectSubscription()
			.thenAwait(Duration.ofMinutes(2))
			.assertNext(screen -> assertThat(screen.html()).contains("fonte de dados de futebol está indisponível")
				.doesNotContain("Exception", "Timeout"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}
}
