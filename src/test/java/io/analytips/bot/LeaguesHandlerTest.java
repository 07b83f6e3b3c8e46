package io.analytips.bot;

import java.util.List;

import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** 🏆 Ligas: each league with its table and its next games; {@code /tabela} in one step. */
class LeaguesHandlerTest {

	private final BotTestKit kit = new BotTestKit();

	private final Messages messages = new Messages();

	private final LeaguesHandler leagues = new LeaguesHandler(kit.data, List.of(71, 39), messages, new Menus(messages),
			new Leagues(messages), Readers.preferences(kit.clock), DisplayNames.AS_GIVEN, kit.clock);

	@AfterEach
	void close() {
		kit.close();
	}

	@Test
	void listsTheLeaguesEachLeadingToItsTableAndItsGames() {
		StepVerifier.create(leagues.handle(kit.press(5, "lg", "pt-br"))).verifyComplete();
		assertThat(kit.lastScreenButtons(5)).containsExactly("Brasileirão Série A", "Premier League", "⬅️ Voltar", "🏠 Menu");
		assertThat(kit.lastScreenData(5)).startsWith("lh:71", "lh:39");

		StepVerifier.create(leagues.handle(kit.press(5, "lh:39", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(5).get(1)).contains("Premier League</b> — temporada 2024/25");
		assertThat(kit.lastScreenData(5)).containsExactly("tb:39", "ln:39:0", "lg", "m");
	}

	@Test
	void aTableHasEveryTeamOnOneLineThatFitsAPhone() {
		StepVerifier.create(leagues.handle(kit.press(5, "tb:39", "en"))).verifyComplete();
		String table = kit.repliesTo(5).get(0);
		assertThat(table).contains("Premier League 2024/25</b> — standings", "P = played • GD = goal difference");
		List<String> rows = List.of(table.substring(table.indexOf("<pre>") + 5, table.indexOf("</pre>")).split("\n"));
		assertThat(rows).hasSize(21).allMatch(row -> row.length() <= 28);
		assertThat(rows.get(0)).matches(" # Team +P +GD +Pts");
		assertThat(rows.subList(1, 21)).allMatch(row -> row.matches("[ 12]\\d .{14} [ 1-3]\\d +[-+]?\\d+ +\\d+"));
		assertThat(kit.lastScreenData(5)).containsExactly("ln:39:0", "lh:39", "m");
	}

	@Test
	void aLeaguesNextGamesAreInTheReadersZoneAndOpenFixturesThatComeBackHere() {
		StepVerifier.create(leagues.handle(kit.press(6, "ln:71:0", "en"))).verifyComplete();
		assertThat(kit.repliesTo(6).get(0)).contains("Brasileirão Série A</b> — next games", "London time");
		List<String> data = kit.lastScreenData(6);
		assertThat(data.stream().filter(d -> d.startsWith("f:")).toList()).hasSize(LeaguesHandler.PAGE)
			.allMatch(d -> d.matches("f:\\d+:ln:71:0"));
		assertThat(data).contains("ln:71:1", "lh:71");
		assertThat(kit.lastScreenButtons(6)).filteredOn(label -> label.contains(" vs "))
			.allMatch(label -> label.matches("\\d\\d/\\d\\d \\d\\d:\\d\\d .+ vs .+"));

		StepVerifier.create(leagues.handle(kit.press(6, "ln:71:1", "en"))).verifyComplete();
		assertThat(kit.lastScreenData(6)).contains("ln:71:0").anyMatch(d -> d.matches("f:\\d+:ln:71:1"));
	}

	@Test
	void tabelaFindsTheLeagueNamedInEitherLanguageAndOffersAChoiceOtherwise() {
		StepVerifier.create(leagues.handle(kit.command(7, "/tabela brasileirão", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(7).get(0)).contains("Brasileirão Série A 2023</b> — classificação", "J = jogos");

		StepVerifier.create(leagues.handle(kit.command(7, "/table premier", "en"))).verifyComplete();
		assertThat(kit.repliesTo(7).get(1)).contains("Premier League 2024/25</b> — standings");

		StepVerifier.create(leagues.handle(kit.command(7, "/tabela", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(7).get(2)).contains("De qual liga?");
		assertThat(kit.lastButtonsTo(7)).contains("Brasileirão Série A", "Premier League");

		StepVerifier.create(leagues.handle(kit.command(7, "/tabela <i>xyz</i>", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(7).get(3)).contains("Não encontrei a liga <b>&lt;i&gt;xyz&lt;/i&gt;</b>");
		assertThat(kit.lastButtonsTo(7)).contains("Brasileirão Série A", "Premier League");
	}

	@Test
	void takesItsCommandsWithOrWithoutAccents() {
		for (String command : new String[] { "/tabela", "/table", "/classificação", "/Tabela premier" }) {
			assertThat(leagues.supports(kit.command(5, command, "pt-br"))).as(command).isTrue();
		}
		assertThat(leagues.supports(kit.command(5, "/proximos", "pt-br"))).isFalse();
		assertThat(leagues.supports(kit.press(5, "lh:39:1", "pt-br"))).isFalse();
	}

	@Test
	void aLeagueApiFootballDoesNotKnowSaysItHasNoSeason() {
		LeaguesHandler unknown = new LeaguesHandler(kit.data, List.of(140), messages, new Menus(messages),
				new Leagues(messages), Readers.preferences(kit.clock), DisplayNames.AS_GIVEN, kit.clock);
		StepVerifier.create(unknown.handle(kit.press(8, "tb:140", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(8)).singleElement().asString().contains("La Liga", "Não há temporada em andamento");
	}

	@Test
	void aSpentQuotaWithNothingCachedIsOneSentence() {
		kit.football.faults().quotaExhausted(true);
		StepVerifier.create(leagues.handle(kit.press(9, "tb:39", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(9)).singleElement().asString().contains("limite diário de consultas")
			.doesNotContain("Exception");
	}

	@Test
	void aLeaguesHubOffersToFollowItOrToStop() {
		MemoryFollowing following = new MemoryFollowing(kit.clock);
		LeaguesHandler withFollows = new LeaguesHandler(kit.data, List.of(71, 39), messages, new Menus(messages),
				new Leagues(messages), Readers.preferences(kit.clock), DisplayNames.AS_GIVEN, kit.clock, following);

		StepVerifier.create(withFollows.handle(kit.press(12, "lh:39", "pt-br"))).verifyComplete();
		assertThat(kit.lastScreenButtons(12)).contains("🔔 Seguir a liga");
		assertThat(kit.lastScreenData(12)).containsExactly("tb:39", "ln:39:0", "fw:l:39", "lg", "m");

		following.follows.put(12L, new java.util.LinkedHashSet<>(List.of(io.analytips.store.Followed.league(39, "x"))));
		StepVerifier.create(withFollows.handle(kit.press(12, "lh:39", "en"))).verifyComplete();
		assertThat(kit.lastScreenButtons(12)).contains("🔕 Unfollow this league");
		assertThat(kit.lastScreenData(12)).contains("uf:l:39");
	}
}
