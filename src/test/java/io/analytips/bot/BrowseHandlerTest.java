package io.analytips.bot;

import java.util.List;

import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Today's games by league, a league's games today, a fixture's menu, in the reader's time zone. */
class BrowseHandlerTest {

	private final BotTestKit kit = new BotTestKit();

	private final Messages messages = new Messages();

	private final BrowseHandler browse = new BrowseHandler(kit.data, List.of(71, 39), messages, new Menus(messages),
			new Leagues(messages), Readers.preferences(kit.clock), DisplayNames.AS_GIVEN);

	@AfterEach
	void close() {
		kit.close();
	}

	@Test
	void todaysLeaguesLeadToTheirGamesWhichOpenMenusThatComeBackToThem() {
		StepVerifier.create(browse.handle(kit.press(5, "t", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(5).get(0)).contains("Jogos de hoje</b> (23/11)");
		assertThat(kit.lastScreenData(5)).contains("l:71:0", "l:39:0");

		StepVerifier.create(browse.handle(kit.press(5, "l:71:0", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(5).get(1)).contains("Brasileirão Série A</b> — 23/11", "horário de Brasília");
		String fixture = kit.lastScreenData(5).stream().filter(data -> data.startsWith("f:")).findFirst().orElseThrow();
		assertThat(fixture).matches("f:\\d+:l:71:0");

		StepVerifier.create(browse.handle(kit.press(5, fixture, "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(5).get(2)).contains("Que análise você quer?", "(Brasília)");
		List<String> data = kit.lastScreenData(5);
		assertThat(data).hasSize(10).last().isEqualTo("m");
		assertThat(data.get(8)).isEqualTo("l:71:0"); // back: the list it came from
		assertThat(data.get(5)).matches("hh:\\d+:l:71:0"); // the head-to-head, whose back returns here
		assertThat(kit.lastScreenButtons(5).get(5)).isEqualTo("⚔️ Confrontos diretos");
		assertThat(data.subList(6, 8)).allMatch(d -> d.matches("fw:t:\\d+")); // follow the home or the away team
		assertThat(kit.lastScreenButtons(5).subList(6, 8)).allMatch(label -> label.startsWith("🔔 Seguir "));
		assertThat(data.subList(0, 5)).allMatch(d -> d.matches("a:\\d+:(full|goals|corners|btts|result):l:71:0"));
	}

	@Test
	void aFixtureOpenedWithoutAnOriginGoesBackToTodaysGames() {
		long id = kit.football.todaysFixtureIds().get(0);
		StepVerifier.create(browse.handle(kit.press(6, "f:" + id, "en"))).verifyComplete();
		assertThat(kit.lastScreenData(6).get(8)).isEqualTo("t");
	}

	@Test
	void anEnglishReaderSeesKickOffsInLondonWithTheDateWhereItIsAlreadyTomorrow() {
		StepVerifier.create(browse.handle(kit.press(7, "l:71:0", "en"))).verifyComplete();
		assertThat(kit.repliesTo(7).get(0)).contains("(London time)");
		List<String> games = kit.lastScreenButtons(7).stream().filter(label -> label.contains(" vs ")).toList();
		assertThat(games).isNotEmpty().allMatch(label -> label.matches("(\\d\\d/\\d\\d )?\\d\\d:\\d\\d .+ vs .+"));
		// a 21:30 kick-off in Brasília is 00:30 the next day in London
		assertThat(games).anyMatch(label -> label.matches("24/11 0\\d:\\d\\d .+"));
	}

	@Test
	void aFixtureApiFootballDoesNotKnowIsOneSentence() {
		StepVerifier.create(browse.handle(kit.press(8, "f:999999999", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(8)).singleElement().asString().contains("Jogo não encontrado");
	}

	@Test
	void todayAndItsSynonymsWithoutANameOpenTodaysLeaguesAsANewMessage() {
		for (String typed : List.of("/hoje", "/today", "/jogos", "/games@some_bot")) {
			assertThat(browse.supports(kit.command(9, typed, "pt-br"))).as(typed).isTrue();
			assertThat(browse.action(kit.command(9, typed, "pt-br"))).isEqualTo("today");
		}
		StepVerifier.create(browse.handle(kit.command(9, "/hoje", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(9)).singleElement().asString().contains("Jogos de hoje</b> (23/11)");
		assertThat(kit.lastScreenData(9)).contains("l:71:0", "l:39:0").last().isEqualTo("m");

		StepVerifier.create(browse.handle(kit.command(10, "/today", "en"))).verifyComplete();
		assertThat(kit.repliesTo(10)).singleElement().asString().contains("Today's games</b>");
	}

	@Test
	void gamesWithATeamsNameIsLeftToTheTeamsNextGames() {
		assertThat(browse.supports(kit.command(11, "/jogos Flamengo", "pt-br"))).isFalse();
		assertThat(browse.supports(kit.command(11, "/games Arsenal", "en"))).isFalse();
		assertThat(browse.supports(kit.command(11, "/proximos", "pt-br"))).isFalse();
	}
}
