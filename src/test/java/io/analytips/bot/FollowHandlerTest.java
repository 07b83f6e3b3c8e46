package io.analytips.bot;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.analytips.store.ConversationState;
import io.analytips.store.Followed;
import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following a team or a league: {@code /seguir} with the search's forgiving matching, and the 🔔 / 🔕 buttons of a
 * team's screen, a fixture's menu and a league's hub.
 */
class FollowHandlerTest {

	private final BotTestKit kit = new BotTestKit();

	private final Messages messages = new Messages();

	private final Menus menus = new Menus(messages);

	private final MemoryFollowing following = new MemoryFollowing(kit.clock);

	private final TeamScreens teams = new TeamScreens(kit.teamSearch, kit.data, messages, menus, following);

	private final Map<Long, ConversationState> states = new ConcurrentHashMap<>();

	private final SearchState search = new SearchState(SearchHandlerTest.conversations(states), kit.clock);

	private final FollowHandler handler = new FollowHandler(teams, following, search, new Leagues(messages),
			DisplayNames.AS_GIVEN, messages, menus, Readers.preferences(kit.clock));

	@AfterEach
	void close() {
		kit.close();
	}

	private long palmeiras() {
		return kit.teamSearch.search("palmeiras").block().found().get(0).id();
	}

	@Test
	void takesSeguirFollowAndItsButtonsButNothingElse() {
		assertThat(handler.supports(kit.command(5, "/seguir Palmeiras", "pt-br"))).isTrue();
		assertThat(handler.supports(kit.command(5, "/follow", "en"))).isTrue();
		for (String data : new String[] { "fw:t:121", "fw:l:39", "uf:t:121", "uf:l:71" }) {
			assertThat(handler.supports(kit.press(5, data, "pt-br"))).as(data).isTrue();
		}
		for (String data : new String[] { "fw:x:121", "fw:t", "tm:121", "uf:t:121:m" }) {
			assertThat(handler.supports(kit.press(5, data, "pt-br"))).as(data).isFalse();
		}
		assertThat(handler.supports(kit.command(5, "/proximos Palmeiras", "pt-br"))).isFalse();
	}

	@Test
	void oneTeamFoundIsFollowedAtOnceAndSubscribesTheChatAsItsUserReads() {
		StepVerifier.create(handler.handle(kit.command(5, "/seguir Palmeiras", "pt-br"))).verifyComplete();

		assertThat(kit.repliesTo(5)).containsExactly(
				"🔔 Você vai receber um aviso 60 min antes de cada jogo do Palmeiras e o resultado no fim.");
		assertThat(kit.lastButtonsTo(5)).containsExactly("🔕 Deixar de seguir", "📋 Meus times", "🏠 Menu");
		assertThat(following.follows.get(5L)).containsExactly(Followed.team(palmeiras(), "Palmeiras"));
		assertThat(following.subscribers.get(5L).language()).isEqualTo("pt-BR");
		assertThat(following.subscribers.get(5L).timeZone()).isEqualTo("America/Sao_Paulo");

		StepVerifier.create(handler.handle(kit.command(5, "/seguir palmeiras", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(5).get(1)).isEqualTo("🔔 Você já segue o Palmeiras: o aviso chega 60 min antes de cada jogo.");
	}

	@Test
	void severalTeamsANearMissOrNoneOfferButtonsThatFollow() {
		StepVerifier.create(handler.handle(kit.command(6, "/follow man", "en"))).verifyComplete();
		assertThat(kit.lastButtonsTo(6)).contains("Manchester City (England)", "Manchester United (England)");
		assertThat(kit.telegram.messagesTo(6).get(0).body().path("reply_markup").toString()).contains("\"fw:t:");

		StepVerifier.create(handler.handle(kit.command(6, "/seguir Palmeras", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(6).get(1)).isEqualTo(
				"Nenhum time encontrado para <b>Palmeras</b>. Você quis dizer <b>Palmeiras</b>?");
		assertThat(kit.lastScreenData(6)).startsWith("fw:t:" + palmeiras());

		StepVerifier.create(handler.handle(kit.command(6, "/seguir <b>Xyzzy</b>", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(6).get(2)).isEqualTo("Nenhum time encontrado para <b>&lt;b&gt;Xyzzy&lt;/b&gt;</b>. "
				+ "Confira o nome (por exemplo: /seguir Palmeiras), ou toque em 🔎 Buscar time no /start.");
		assertThat(following.follows).isEmpty();
	}

	@Test
	void withoutANameItStartsTheSearchWhoseTeamScreenHasTheButton() {
		StepVerifier.create(handler.handle(kit.command(7, "/seguir", "pt-br"))).verifyComplete();

		assertThat(kit.repliesTo(7)).containsExactly("🔔 Digite o nome do time que você quer seguir (por exemplo: "
				+ "Palmeiras). Na tela do time, toque em 🔔 Seguir.");
		assertThat(states.get(7L).state()).isEqualTo(SearchState.AWAITING_TEAM);
	}

	@Test
	void theButtonsFollowAndUnfollowATeamOrALeagueInOneSentence() {
		long team = palmeiras();
		StepVerifier.create(handler.handle(kit.press(8, "fw:t:" + team, "en"))).verifyComplete();
		StepVerifier.create(handler.handle(kit.press(8, "fw:l:39", "en"))).verifyComplete();
		StepVerifier.create(handler.handle(kit.press(8, "uf:t:" + team, "en"))).verifyComplete();
		StepVerifier.create(handler.handle(kit.press(8, "uf:t:" + team, "en"))).verifyComplete();

		assertThat(kit.repliesTo(8)).containsExactly(
				"🔔 You will get an alert 60 min before every Palmeiras game, and the result at the final whistle.",
				"🔔 You will get an alert 60 min before every game of Premier League, and the result at the final whistle.",
				"🔕 You no longer follow Palmeiras: no more alerts about its games.",
				"You were not following that. See what you follow with /my_teams.");
		assertThat(following.follows.get(8L)).containsExactly(Followed.league(39, "Premier League"));
		assertThat(following.subscribers.get(8L).timeZone()).isEqualTo("Europe/London");
	}

	@Test
	void theTeamScreenAndTheLeagueHubSayWhetherTheChatFollows() {
		long team = palmeiras();
		StepVerifier.create(teams.games(team, null, Readers.PORTUGUESE, new Follower(0, 9)))
			.assertNext(screen -> assertThat(screen.keyboard().inlineKeyboard()).anySatisfy(row -> assertThat(row.get(0))
				.satisfies(button -> assertThat(button.text() + " " + button.callbackData())
					.isEqualTo("🔔 Seguir fw:t:" + team))))
			.verifyComplete();
		following.follows.computeIfAbsent(9L, chat -> new LinkedHashSet<>()).add(Followed.team(team, "Palmeiras"));
		StepVerifier.create(teams.games(team, null, Readers.PORTUGUESE, new Follower(0, 9)))
			.assertNext(screen -> assertThat(screen.keyboard().inlineKeyboard()).anySatisfy(row -> assertThat(row.get(0))
				.satisfies(button -> assertThat(button.text() + " " + button.callbackData())
					.isEqualTo("🔕 Deixar de seguir uf:t:" + team))))
			.verifyComplete();
	}

	@Test
	void aStoreThatCannotBeWrittenGetsAShortApology() {
		following.failing = true;

		StepVerifier.create(handler.handle(kit.command(10, "/seguir Palmeiras", "pt-br"))).verifyComplete();
		StepVerifier.create(handler.handle(kit.press(10, "fw:l:71", "en"))).verifyComplete();

		assertThat(kit.repliesTo(10)).containsExactly("😕 Não consegui salvar isto agora. Tente de novo em instantes.",
				"😕 I could not save that just now. Please try again in a moment.");
	}
}
