package io.analytips.bot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.analytips.store.ConversationRepository;
import io.analytips.store.ConversationState;
import io.analytips.support.BotTestKit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The search conversation and names typed at the menu, one update at a time against the simulator
 * (the Premier League 2024/25 and the Brasileirão 2023); conversation state in a map.
 */
class SearchHandlerTest {

	private final BotTestKit kit = new BotTestKit();

	private final Messages messages = new Messages();

	private final Map<Long, ConversationState> states = new ConcurrentHashMap<>();

	private final SearchState search = new SearchState(conversations(states), kit.clock);

	private final TeamScreens teams = new TeamScreens(kit.teamSearch, kit.data, messages, new Menus(messages));

	private final SearchHandler handler = new SearchHandler(teams, search, messages, new Menus(messages),
			new SimpleMeterRegistry(), Readers.preferences(kit.clock));

	@AfterEach
	void close() {
		kit.close();
	}

	static ConversationRepository conversations(Map<Long, ConversationState> states) {
		ConversationRepository conversations = mock(ConversationRepository.class);
		when(conversations.save(anyLong(), any())).thenAnswer(call -> Mono.fromRunnable(() -> {
			ConversationState state = call.getArgument(1);
			states.put(state.userId(), state);
		}));
		when(conversations.find(anyLong(), anyLong(), any())).thenAnswer(call -> Mono.justOrEmpty(states.get(call.<Long>getArgument(1))));
		when(conversations.clear(anyLong(), anyLong())).thenAnswer(call -> Mono.fromRunnable(() -> states.remove(call.<Long>getArgument(1))));
		return conversations;
	}

	private void type(long user, String text, String language) {
		StepVerifier.create(handler.handle(kit.command(user, text, language))).verifyComplete();
	}

	private void press(long user, String data, String language) {
		StepVerifier.create(handler.handle(kit.press(user, data, language))).verifyComplete();
	}

	private String lastReplyTo(long user) {
		return kit.repliesTo(user).get(kit.repliesTo(user).size() - 1);
	}

	@Test
	void aNameTypedAtTheMenuShowsTheTeamsNextGames() {
		type(21, "Palmeiras", "pt-br");
		type(22, "Timão", "pt-br");
		type(23, "Spurs", "en");

		assertThat(lastReplyTo(21)).contains("Próximos jogos — Palmeiras");
		assertThat(lastReplyTo(22)).contains("Próximos jogos — Corinthians");
		assertThat(lastReplyTo(23)).contains("Next games — Tottenham");
		assertThat(states).as("no conversation begun").isEmpty();
	}

	@Test
	void aNameOfSeveralTeamsOffersAChoiceShownAsFansWriteThem() {
		type(24, "Atlético", "pt-br");
		type(25, "tricolor", "en");

		assertThat(kit.repliesTo(24)).containsExactly("Times encontrados para <b>Atlético</b>:");
		assertThat(kit.lastButtonsTo(24)).contains("Atlético-MG (Brasil)", "Athletico-PR (Brasil)");
		assertThat(kit.lastButtonsTo(25)).contains("São Paulo (Brazil)", "Grêmio (Brazil)", "Fluminense (Brazil)",
				"Bahia (Brazil)", "Fortaleza (Brazil)");
	}

	@Test
	void aNearMissAtTheMenuAsksWhetherTheTeamWasMeantAndItsButtonShowsTheGames() {
		type(26, "Palmeras", "pt-br");

		assertThat(kit.repliesTo(26)).containsExactly("Nenhum time encontrado para <b>Palmeras</b>. Você quis dizer <b>Palmeiras</b>?");
		long palmeiras = kit.teamSearch.search("Palmeiras").block().found().get(0).id();
		press(26, CallbackData.of(CallbackData.TEAM, palmeiras), "pt-br");
		assertThat(lastReplyTo(26)).contains("Próximos jogos — Palmeiras");
	}

	@Test
	void aNameNoTeamHasSaysSoAndWhatToTry() {
		type(27, "<b>Xyzzy</b>", "pt-br");
		type(28, "Xyzzy FC", "en");

		assertThat(kit.repliesTo(27)).singleElement().asString()
			.startsWith("Nenhum time encontrado para <b>&lt;b&gt;Xyzzy&lt;/b&gt;</b>.")
			.contains("digite o nome dele ou um apelido");
		assertThat(kit.repliesTo(28)).singleElement().asString().startsWith("No team found for <b>Xyzzy FC</b>.")
			.contains("type its name or a nickname");
		assertThat(kit.lastButtonsTo(28)).anyMatch(label -> label.contains("Find a team"));
	}

	@Test
	void textThatIsNoNameGetsHelpWithoutASearch() {
		type(29, "qual o jogo de hoje?", "pt-br");
		type(29, "oi", "pt-br");
		type(30, "thanks", "en");

		assertThat(kit.repliesTo(29)).allSatisfy(reply -> assertThat(reply).startsWith("Não entendi."));
		assertThat(kit.repliesTo(30)).singleElement().asString().startsWith("I didn't understand that.");
		assertThat(kit.football.callsByPath()).doesNotContainKey("/teams");
	}

	@Test
	void theSearchConversationFindsNicknamesAndKeepsGoingAfterANearMiss() {
		press(31, CallbackData.SEARCH, "pt-br");
		assertThat(lastReplyTo(31)).contains("Digite o nome do time");

		type(31, "Palmeras", "pt-br");
		assertThat(lastReplyTo(31)).isEqualTo("Nenhum time encontrado para <b>Palmeras</b>. Você quis dizer <b>Palmeiras</b>?");
		assertThat(states).as("still searching").containsKey(31L);

		type(31, "sao paulo", "pt-br");
		assertThat(lastReplyTo(31)).containsAnyOf("Próximos jogos — Sao Paulo", "Próximos jogos — São Paulo");
		assertThat(states).as("found: the search is over").isEmpty();
	}

	@Test
	void theSearchConversationOffersAChoiceInEnglish() {
		press(32, CallbackData.SEARCH, "en");
		type(32, "Man", "en");

		assertThat(lastReplyTo(32)).isEqualTo("Teams found for <b>Man</b>:");
		assertThat(kit.lastButtonsTo(32)).contains("Manchester City (England)", "Manchester United (England)");
		assertThat(states).isEmpty();
	}

	@Test
	void cancellingWithNoSearchUnderWaySaysThereIsNothingToCancel() {
		type(33, "/cancelar", "pt-br");
		assertThat(lastReplyTo(33)).isEqualTo("Nenhuma busca em andamento para cancelar.");

		type(34, "/cancel", "en");
		assertThat(lastReplyTo(34)).isEqualTo("No search under way to cancel.");
	}

	@Test
	void cancellingASearchUnderWayEndsIt() {
		press(35, CallbackData.SEARCH, "pt-br");
		assertThat(states).containsKey(35L);

		type(35, "/cancelar", "pt-br");
		assertThat(lastReplyTo(35)).isEqualTo("Busca cancelada.");
		assertThat(states).doesNotContainKey(35L);
	}
}
