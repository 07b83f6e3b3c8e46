package io.analytips.bot;

import java.time.Duration;

import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /proximos <team>}: a team's next games in one step. The walk-through of
 * {@code docs/developing.md}: the handler against the simulator and the fake Bot API, one update
 * at a time; where API-Football is slow, in virtual time (more of that: {@link TeamScreensTest}).
 */
class NextGamesHandlerTest {

	private final BotTestKit kit = new BotTestKit();

	private final Messages messages = new Messages();

	private final NextGamesHandler handler = new NextGamesHandler(
			new TeamScreens(kit.teamSearch, kit.data, messages, new Menus(messages)), messages,
			Readers.preferences(kit.clock));

	@AfterEach
	void close() {
		kit.close();
	}

	@Test
	void takesProximosAndNextButNoOtherCommand() {
		assertThat(handler.supports(kit.command(5, "/proximos flamengo", "pt-br"))).isTrue();
		assertThat(handler.supports(kit.command(5, "/next@analytips_bot arsenal", "en"))).isTrue();
		assertThat(handler.supports(kit.command(5, "/start", "pt-br"))).isFalse();
		assertThat(handler.supports(kit.command(5, "proximos flamengo", "pt-br"))).isFalse();
	}

	@Test
	void listsTheNextGamesOfTheOnlyTeamFound() {
		StepVerifier.create(handler.handle(kit.command(5, "/proximos flamengo", "pt-br"))).verifyComplete();

		assertThat(kit.repliesTo(5)).singleElement().asString()
			.contains("Próximos jogos — Flamengo", "Horário de Brasília");
		assertThat(kit.lastButtonsTo(5)).filteredOn(label -> label.contains("Flamengo"))
			.hasSizeBetween(1, TeamScreens.NEXT_GAMES)
			.allMatch(label -> label.matches("\\d\\d/\\d\\d \\d\\d:\\d\\d .+ x .+"));
	}

	@Test
	void offersAButtonPerTeamWhenTheNameFindsSeveral() {
		StepVerifier.create(handler.handle(kit.command(6, "/proximos man", "pt-br"))).verifyComplete();

		assertThat(kit.repliesTo(6)).singleElement().asString().contains("Times encontrados para <b>man</b>");
		assertThat(kit.lastButtonsTo(6)).contains("Manchester City (Inglaterra)", "Manchester United (Inglaterra)");
	}

	@Test
	void findsATeamByTheNameOrNicknameFansType() {
		StepVerifier.create(handler.handle(kit.command(10, "/proximos Timão", "pt-br"))).verifyComplete();
		StepVerifier.create(handler.handle(kit.command(11, "/next Nottingham Forest", "en"))).verifyComplete();

		assertThat(kit.repliesTo(10)).singleElement().asString().contains("Próximos jogos — Corinthians");
		assertThat(kit.repliesTo(11)).singleElement().asString().contains("Next games — ", "Forest");
		assertThat(kit.lastButtonsTo(11)).filteredOn(label -> label.contains(" vs ")).allMatch(label -> label.contains("Forest"));
	}

	@Test
	void asksWhetherANearMissWasMeant() {
		StepVerifier.create(handler.handle(kit.command(12, "/proximos Palmeras", "pt-br"))).verifyComplete();

		assertThat(kit.repliesTo(12)).containsExactly(
				"Nenhum time encontrado para <b>Palmeras</b>. Você quis dizer <b>Palmeiras</b>?");
		assertThat(kit.lastButtonsTo(12)).startsWith("Palmeiras (Brasil)");
	}

	@Test
	void saysWhatToTypeWithoutANameAndWhenNoTeamIsFound() {
		StepVerifier.create(handler.handle(kit.command(7, "/proximos", "pt-br"))).verifyComplete();
		StepVerifier.create(handler.handle(kit.command(7, "/proximos <b>Xyzzy</b>", "pt-br"))).verifyComplete();

		assertThat(kit.repliesTo(7)).containsExactly(
				"Digite <code>/proximos</code> e o nome do time, por exemplo: <code>/proximos Flamengo</code>",
				"Nenhum time encontrado para <b>&lt;b&gt;Xyzzy&lt;/b&gt;</b>. Confira o nome, ou toque em 🔎 Buscar time no /start.");
	}

	@Test
	void answersInEnglishInLondonTimeForEnglishClients() {
		StepVerifier.create(handler.handle(kit.command(8, "/next arsenal", "en"))).verifyComplete();

		assertThat(kit.repliesTo(8)).singleElement().asString().contains("Next games — Arsenal", "London time");
		assertThat(kit.lastButtonsTo(8)).anyMatch(label -> label.contains(" vs "));
	}

	@Test
	void answersASlowApiFootballWithoutTheTestWaiting() {
		kit.football.faults().latency(Duration.ofSeconds(8));

		// three reads, one after the other: the leagues' seasons, their teams, Flamengo's next games
		StepVerifier.withVirtualTime(() -> handler.handle(kit.command(9, "/proximos flamengo", "pt-br")))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(23))
			.thenAwait(Duration.ofSeconds(2))
			.expectComplete()
			.verify(Duration.ofSeconds(10));

		assertThat(kit.repliesTo(9)).singleElement().asString().contains("Próximos jogos — Flamengo");
	}
}
