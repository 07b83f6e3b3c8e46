package io.analytips.bot;

import java.time.Duration;

import io.analytips.support.AppIntegrationTest;
import io.analytips.support.AppTestEnvironment;
import io.analytips.support.Conversation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole conversation over the fake Bot API, with the simulator as API-Football. */
@AppIntegrationTest
class FootballConversationTests {

	static final AppTestEnvironment environment = new AppTestEnvironment();

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment.register(registry);
		registry.add("analytips.bot.rate-limit", () -> "1000");
	}

	@AfterAll
	static void close() {
		environment.close();
	}

	@Autowired
	DatabaseClient db;

	@Autowired
	WebTestClient web;

	@Test
	void exposesEveryMetricFamilyWithItsTagsAfterAConversation() {
		Conversation user = new Conversation(environment.telegram, 39, "en");
		user.send("/start");
		user.next(text -> text.contains("Welcome to Analytips"));
		user.press(label -> label.contains("Today"));
		user.next(text -> text.contains("Today"));
		user.press(label -> label.startsWith("Premier League"));
		user.next(text -> text.contains("Choose a game"));
		user.press(label -> label.matches("\\d\\d:\\d\\d .+ vs .+"));
		user.next(text -> text.contains("Which analysis"));
		user.press(label -> label.endsWith("Result (1X2)"));
		user.next(text -> text.contains("gamble responsibly"));
		user.send("/start");
		user.next(text -> text.contains("Welcome to Analytips"));
		user.press(label -> label.contains("Find a team"));
		user.next(text -> text.contains("team"));
		user.send("flamengo");
		user.next(text -> text.contains("Flamengo"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> web.get().uri("/actuator/prometheus").exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains(
					"analytips_updates_finished_total{application=\"analytips\",bot=\"analytips_test_bot\",outcome=\"done\",replica=\"test-replica\",type=\"callback_query\"}",
					"analytips_updates_finished_total{application=\"analytips\",bot=\"analytips_test_bot\",outcome=\"done\",replica=\"test-replica\",type=\"message\"}",
					"analytips_updates_finished_total{application=\"analytips\",bot=\"analytips_test_bot\",outcome=\"rate_limited\",replica=\"test-replica\",type=\"message\"}",
					"analytips_updates_finished_total{application=\"analytips\",bot=\"analytips_test_bot\",outcome=\"rejected\",replica=\"test-replica\",type=\"callback_query\"}",
					"analytips_model_fit_seconds_count{application=\"analytips\",league=\"39\",replica=\"test-replica\"}",
					"analytips_market_prices_written_total{application=\"analytips\",replica=\"test-replica\"}",
					"analytips_football_bulkhead_available",
					"analytips_user_actions_total{action=\"analysis_result\",application=\"analytips\",bot=\"analytips_test_bot\",replica=\"test-replica\"}",
					"analytips_user_actions_total{action=\"today\",application=\"analytips\",bot=\"analytips_test_bot\",replica=\"test-replica\"}",
					"analytips_user_actions_total{action=\"start\",application=\"analytips\",bot=\"analytips_test_bot\",replica=\"test-replica\"}",
					"analytips_reply_latency_seconds_bucket{application=\"analytips\",bot=\"analytips_test_bot\",replica=\"test-replica\",le=\"0.1\"}",
					"analytips_reply_latency_seconds_count",
					"analytips_telegram_calls_total{application=\"analytips\",bot=\"analytips_test_bot\",method=\"sendMessage\",replica=\"test-replica\",status=\"200\"}",
					"analytips_telegram_calls_total{application=\"analytips\",bot=\"analytips_test_bot\",method=\"getUpdates\",replica=\"test-replica\",status=\"200\"}",
					"analytips_telegram_retry_after_seconds_total",
					"analytips_football_calls_total{application=\"analytips\",endpoint=\"/fixtures\",outcome=\"ok\",replica=\"test-replica\"}",
					"analytips_football_cache_requests_total{application=\"analytips\",replica=\"test-replica\",source=\"memory\"}",
					"analytips_football_quota_daily_remaining", "analytips_queue_size", "analytips_queue_capacity",
					"analytips_inbox_backlog",
					"analytips_conversation_transitions_total{application=\"analytips\",from=\"none\",replica=\"test-replica\",to=\"awaiting_team\"}",
					"analytips_conversation_transitions_total{application=\"analytips\",from=\"awaiting_team\",replica=\"test-replica\",to=\"searched\"}",
					"resilience4j_circuitbreaker_state", "analytips_football_rate_limit_available",
					"r2dbc_pool_acquired_connections", "jvm_memory_used_bytes")));
	}

	@Test
	void searchesATeamAndListsItsNextGames() {
		Conversation user = new Conversation(environment.telegram, 32, "pt-br");
		user.send("/start");
		user.next(text -> text.contains("Bem-vindo"));
		user.press(label -> label.contains("Buscar time"));
		user.next(text -> text.contains("Digite o nome do time"));
		user.send("flamengo");
		Conversation.Screen next = user.next(text -> text.contains("Próximos jogos") && text.contains("Flamengo"));
		assertThat(next.buttons()).filteredOn(b -> b.path("text").asString().contains("Flamengo")).hasSizeGreaterThanOrEqualTo(3);
		user.press(label -> label.contains("Flamengo"));
		user.next(text -> text.contains("Que análise você quer?") && text.contains("Flamengo"));
		assertThat(count("select count(*) from conversation_state where user_id = 32")).isZero();
	}

	@Test
	void escapesWhatUsersTypeAndKeepsSearchingUntilATeamIsFound() {
		Conversation user = new Conversation(environment.telegram, 33, "en");
		user.send("/start");
		user.next(text -> text.contains("Welcome to Analytips"));
		user.press(label -> label.contains("Find a team"));
		user.next(text -> text.contains("Type the team"));
		user.send("<b>Tom & Jerry</b>");
		Conversation.Screen none = user.next(text -> text.contains("No team found"));
		assertThat(none.text()).contains("&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;").doesNotContain("<b>Tom")
			.contains("Type another name");
		user.send("Xyzzy FC");
		user.next(text -> text.contains("No team found for <b>Xyzzy FC</b>"));
		user.send("arsenal");
		user.next(text -> text.contains("Next games") && text.contains("Arsenal"));
		// the search is over; a name typed at the menu is searched too, in one step
		user.send("chelsea");
		user.next(text -> text.contains("Next games") && text.contains("Chelsea"));
		assertThat(count("select count(*) from conversation_state where user_id = 33")).isZero();
	}

	@Test
	void aNameTypedAtTheMenuIsSearchedAndANearMissOffersTheTeam() {
		Conversation user = new Conversation(environment.telegram, 38, "pt-br");
		user.send("Palmeras");
		user.next(text -> text.equals("Nenhum time encontrado para <b>Palmeras</b>. Você quis dizer <b>Palmeiras</b>?"));
		user.press(label -> label.startsWith("Palmeiras"));
		user.next(text -> text.contains("Próximos jogos — Palmeiras"));
		user.send("Atlético");
		Conversation.Screen choice = user.next(text -> text.contains("Times encontrados para <b>Atlético</b>"));
		assertThat(choice.buttons()).extracting(b -> b.path("text").asString()).contains("Atlético-MG (Brasil)",
				"Athletico-PR (Brasil)");
		user.send("qual o jogo de hoje?");
		user.next(text -> text.startsWith("Não entendi."));
		assertThat(count("select count(*) from conversation_state where user_id = 38")).isZero();
	}

	@Test
	void proximosListsATeamsNextGamesInOneStep() {
		Conversation user = new Conversation(environment.telegram, 37, "pt-br");
		user.send("/proximos flamengo");
		Conversation.Screen games = user.next(text -> text.contains("Próximos jogos — Flamengo"));
		user.press(label -> label.contains("Flamengo"));
		user.next(text -> text.contains("Que análise você quer?") && text.contains("Flamengo"));
		assertThat(games.text()).contains("Horário de Brasília");
	}

	@Test
	void cancelOrAnotherButtonEndsASearch() {
		Conversation user = new Conversation(environment.telegram, 36, "en");
		user.send("/start");
		user.next(text -> text.contains("Welcome to Analytips"));
		user.press(label -> label.contains("Find a team"));
		user.next(text -> text.contains("Type the team"));
		user.send("/cancel");
		user.next(text -> text.contains("Search cancelled"));
		// no longer searching: a name that finds nothing gets the menu's answer, not "type another name"
		user.send("Xyzzy FC");
		user.next(text -> text.contains("No team found for <b>Xyzzy FC</b>") && text.contains("choose an option"));

		user.press(label -> label.contains("Find a team"));
		user.next(text -> text.contains("Type the team"));
		user.press(label -> label.contains("Leagues"));
		user.next(text -> text.contains("Leagues we follow"));
		user.send("Xyzzy FC");
		user.next(text -> text.contains("No team found for <b>Xyzzy FC</b>") && text.contains("choose an option"));
		assertThat(count("select count(*) from conversation_state where user_id = 36")).isZero();
	}

	@Test
	void showsTheUsersRecentAnalysesAndTheLeagues() {
		Conversation user = new Conversation(environment.telegram, 34, "en");
		user.send("/start");
		user.next(text -> text.contains("Welcome"));
		user.press(label -> label.contains("My analyses"));
		user.next(text -> text.contains("not asked for any analysis yet"));
		user.press(label -> label.contains("Menu"));
		user.next(text -> text.contains("Choose an option"));
		user.press(label -> label.contains("Leagues"));
		Conversation.Screen leagues = user.next(text -> text.contains("Leagues we follow"));
		assertThat(leagues.buttons()).extracting(b -> b.path("text").asString()).contains("Brasileirão Série A",
				"Premier League");
		user.press(label -> label.equals("Brasileirão Série A"));
		Conversation.Screen hub = user.next(text -> text.contains("Brasileirão Série A") && text.contains("season"));
		assertThat(hub.buttons()).extracting(b -> b.path("text").asString()).contains("📋 Standings", "🗓 Next games");
		user.press(label -> label.contains("Standings"));
		Conversation.Screen table = user.next(text -> text.contains("standings") && text.contains("<pre>"));
		assertThat(table.text()).containsPattern("<pre> # Team +P +GD +Pts\\n").containsPattern("\\n 1 .+\\n")
			.containsPattern("\\n20 .+\\n");
		user.press(label -> label.contains("Next games"));
		Conversation.Screen games = user.next(text -> text.contains("Brasileirão Série A") && text.contains("next games"));
		// an English client's kick-offs are in London time unless they choose another zone
		assertThat(games.text()).contains("London time");
		assertThat(games.buttons()).extracting(b -> b.path("text").asString()).anyMatch(label -> label.contains(" vs "));
		user.press(label -> label.contains(" vs "));
		user.next(text -> text.contains("Which analysis would you like?"));
		user.press(label -> label.contains("Back"));
		// back where the fixture was opened from: the league's next games, not today's
		user.next(text -> text.contains("Brasileirão Série A") && text.contains("next games"));
	}

	@Test
	void anAnalysisOfAnUnknownFixtureSaysSoPolitely() {
		Conversation user = new Conversation(environment.telegram, 35, "pt-br");
		user.press(1, "a:999999999:full");
		user.next(text -> text.contains("Jogo não encontrado"));
	}

	private long count(String sql) {
		return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
	}
}
