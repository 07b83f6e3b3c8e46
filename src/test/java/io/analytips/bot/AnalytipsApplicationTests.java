package io.analytips.bot;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.analytips.host.BotHost;
import io.analytips.support.AppIntegrationTest;
import io.analytips.support.AppTestEnvironment;
import io.analytips.support.FakeBotApi;
import io.analytips.support.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The application as it runs: Spring wiring, the bot's replies, health and metrics. */
@AppIntegrationTest
class AnalytipsApplicationTests {

	static final AppTestEnvironment environment = new AppTestEnvironment();

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment.register(registry);
	}

	@AfterAll
	static void close() {
		environment.close();
	}

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient db;

	@Autowired
	BotHost host;

	private final FakeBotApi telegram = environment.telegram;

	private List<String> repliesTo(long chatId, int atLeast) {
		await().atMost(Duration.ofSeconds(20)).until(() -> telegram.messagesTo(chatId).size() >= atLeast);
		return telegram.messagesTo(chatId).stream().map(FakeBotApi.Call::text).toList();
	}

	@Test
	void welcomesOnStartEscapingTheUsersName() {
		ObjectNode start = Updates.message(501, "/start");
		((ObjectNode) start.get("message").get("from")).put("first_name", "<Zé & Cia>");
		telegram.enqueue(start);
		assertThat(repliesTo(501, 1).get(0)).contains("Bem-vindo ao Analytips, &lt;Zé &amp; Cia&gt;!");
		assertThat(telegram.messagesTo(501).get(0).body().path("parse_mode").asString()).isEqualTo("HTML");
	}

	@Test
	void answersHelpInTheUsersLanguage() {
		telegram.enqueue(Updates.message(502, 502, "private", "/help", "en-US"));
		telegram.enqueue(Updates.message(503, 503, "private", "/help@analytips_test_bot", null));
		assertThat(repliesTo(502, 1).get(0)).startsWith("<b>Commands</b>");
		assertThat(repliesTo(503, 1).get(0)).startsWith("<b>Comandos</b>");
	}

	@Test
	void repliesPolitelyToUnknownCommandsTextAndStickers() {
		telegram.enqueue(Updates.message(504, "/<script>"));
		telegram.enqueue(Updates.message(505, "qual o jogo de hoje?"));
		telegram.enqueue(Updates.message(506, null));
		assertThat(repliesTo(504, 1).get(0)).contains("<code>/&lt;script&gt;</code>");
		assertThat(repliesTo(505, 1).get(0)).startsWith("Não entendi");
		assertThat(repliesTo(506, 1).get(0)).startsWith("Por enquanto eu só entendo mensagens de texto");
	}

	@Test
	void answersAnUnknownButton() {
		telegram.enqueue(Updates.callback(507, "old:button"));
		await().atMost(Duration.ofSeconds(20)).until(() -> telegram.calls("answerCallbackQuery").stream()
			.anyMatch(call -> call.body().path("text").asString("").startsWith("Este botão não é mais válido")));
	}

	@Test
	void publishesTheCommandMenuInBothLanguages() {
		await().atMost(Duration.ofSeconds(20)).until(() -> telegram.calls("setMyCommands").size() >= 4);
		assertThat(telegram.calls("setMyCommands")).extracting(call -> call.body().path("language_code").asString(null)
				+ " " + call.body().path("scope").path("type").asString(null))
			.containsExactlyInAnyOrder("null null", "en null", "null all_group_chats", "en all_group_chats");
		assertThat(telegram.calls("deleteWebhook")).isNotEmpty();
	}

	@Test
	void recordsUsersAndWhoBlockedTheBot() {
		telegram.enqueue(Updates.message(508, 508, "private", "/help", "en"));
		repliesTo(508, 1);
		ObjectNode kicked = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
		ObjectNode change = kicked.putObject("my_chat_member");
		change.putObject("chat").put("id", 508).put("type", "private");
		change.putObject("from").put("id", 508).put("first_name", "x");
		change.put("date", 1);
		change.putObject("old_chat_member").put("status", "member");
		change.putObject("new_chat_member").put("status", "kicked");
		telegram.enqueue(kicked);
		await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(db.sql("select blocked from users where user_id = 508")
			.map(row -> row.get(0, Boolean.class)).one().block()));
		assertThat(db.sql("select language from users where user_id = 508").map(row -> row.get(0, String.class)).one().block())
			.isEqualTo("en");
	}

	@Test
	void survivesAThousandMalformedAndHostileUpdatesAndStillAnswersTheValidOnes() {
		long base = 1_000_000;
		int valid = 0;
		for (int i = 0; i < 1000; i++) {
			long id = base + i;
			long user = 700_000 + i;
			String hostile = switch (i % 10) {
				case 0 -> "{\"update_id\":" + id + ",\"message\":{\"message_id\":1,\"chat\":{\"id\":" + user
						+ ",\"type\":\"channel\"},\"sender_chat\":{\"id\":" + user + ",\"type\":\"channel\"},\"text\":\"no from\"}}";
				case 1 -> "{\"update_id\":" + id + ",\"poll\":{\"id\":\"p\",\"question\":\"?\"}}";
				case 2 -> "{\"update_id\":" + id + ",\"inline_query\":{\"id\":\"q\",\"from\":{\"id\":" + user + "},\"query\":\"x\"}}";
				case 3 -> Updates.message(user, "x".repeat(100_000)).put("update_id", id).toString();
				case 4 -> Updates.callback(user, "\u0000\uFFFF" + "ç".repeat(20)).put("update_id", id).toString();
				case 5 -> "{\"update_id\":" + id + ",\"message\":\"not an object\"}";
				case 6 -> "{\"update_id\":" + id + ",\"message\":{\"message_id\":1,\"text\":\"no chat\"}}";
				case 7 -> Updates.message(user, "/" + "a".repeat(40) + " \u0000 <b>").put("update_id", id).toString();
				case 8 -> "{\"update_id\":" + id + ",\"edited_message\":{\"message_id\":1,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"e\"}}";
				default -> null;
			};
			if (hostile == null) {
				telegram.enqueue(Updates.message(user, "/help").put("update_id", id));
				valid++;
			}
			else {
				telegram.enqueueRaw(id, hostile);
			}
		}
		int validCount = valid;
		await().atMost(Duration.ofSeconds(60)).until(() -> finishedBetween(base, base + 1000) == 1000);

		Map<String, Long> outcomes = db.sql("select outcome, count(*) from inbox where update_id between " + base + " and "
				+ (base + 999) + " group by outcome")
			.map(row -> Map.entry(row.get(0, String.class), row.get(1, Long.class)))
			.all()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))
			.block();
		assertThat(outcomes.keySet()).isSubsetOf("done", "invalid");
		// poll, not an object, no chat, edited, and text beyond Telegram's 4 096 characters (an inline query is answered)
		assertThat(outcomes.get("invalid")).isEqualTo(500);
		for (int i = 9; i < 1000; i += 10) {
			assertThat(repliesTo(700_000 + i, 1).get(0)).startsWith("<b>Comandos</b>");
		}
		assertThat(validCount).isEqualTo(100);
		assertThat(host.first().orElseThrow().pipeline().isRunning()).isTrue();
	}

	private long finishedBetween(long from, long to) {
		return db.sql("select count(*) from inbox where outcome is not null and update_id >= " + from + " and update_id < " + to)
			.map(row -> row.get(0, Long.class))
			.one()
			.block();
	}

	@Test
	void reportsHealthWithTheQueueAndTheIntake() {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> web.get().uri("/actuator/health/readiness")
			.headers(headers -> headers.setBearerAuth(AppTestEnvironment.ADMIN_TOKEN))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.pipeline.details.intake").isEqualTo("receiving")
			.jsonPath("$.components.pipeline.details.queue.capacity").isEqualTo(1000)
			.jsonPath("$.components.r2dbc.status").isEqualTo("UP"));
		web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void exposesPrometheusMetrics() {
		web.get().uri("/actuator/prometheus")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("analytips_queue_size", "analytips_queue_capacity",
					"analytips_updates_finished_total", "analytips_outbound_calls_total", "analytips_dispatcher_in_flight",
					"analytips_football_quota_daily_remaining", "analytips_football_quota_minute_remaining",
					"analytips_football_cache_requests_total{application=\"analytips\",replica=\"test-replica\",source=\"upstream\"}",
					"analytips_football_bulkhead_available", "resilience4j_circuitbreaker_state",
					"analytips_football_rate_limit_available"));
	}

	@Test
	void hasNoWebhookEndpointInPollingMode() {
		web.post().uri("/telegram/webhook").bodyValue("{}").exchange().expectStatus().isNotFound();
	}
}
