package io.analytips;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.store.DatabaseUrl;
import io.analytips.support.AdminHttp;
import io.analytips.support.AppTestEnvironment;
import io.analytips.support.BotUnderLoad;
import io.analytips.support.FakeBot;
import io.analytips.support.FakeBotApi;
import io.analytips.support.JarProcess;
import io.analytips.support.ReplicaJars;
import io.analytips.support.Scratch;
import io.analytips.support.TestClock;
import io.analytips.support.TestDatabase;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar hosting three bots ({@code TELEGRAM_BOT_TOKENS}) on one fake Bot API: each answers its own users
 * through its own token; a token Telegram revokes and a bot Telegram floods stop nobody but themselves (the third
 * answers on time, the process stays up); a token refused at the start is named in one line and the others start.
 * Bots added and removed through the admin API while running, and after a restart. Latencies are printed.
 */
class MultiBotIT {

	private static final String ALPHA = "1000001:alpha-token-of-the-multi-bot-test-0000";

	private static final String BETA = "1000002:beta-token-of-the-multi-bot-test-00000";

	private static final String GAMMA = "1000003:gamma-token-of-the-multi-bot-test-0000";

	private static final String DELTA = "1000004:delta-token-of-the-multi-bot-test-0000";

	private static final String EPSILON = "1000005:epsilon-token-of-the-multi-bot-test-00";

	/** Well shaped; the fake knows no bot of it, so Telegram refuses it (401). */
	private static final String REFUSED = "1000009:refused-token-of-the-multi-bot-test-00";

	/** {@code BOTS_TOKEN_KEY}: 32 bytes, base64. */
	private static final String TOKEN_KEY = Base64.getEncoder()
		.encodeToString("multi-bot-test-key-32-bytes-long".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

	/** The bound of the issue: each of a burst to the bot left alone answered within it. */
	private static final Duration ON_TIME = Duration.ofSeconds(3);

	private static final int BURST = 20;

	private static final long SAME_UPDATE_ID = 900_000;

	private static final SimulatorServer football = SimulatorServer.start(ApiFootballSimulator.bundled(TestClock.running()),
			"127.0.0.1", 0);

	@Test
	void eachBotAnswersItsOwnUsersAndARevokedOrFloodedBotHoldsNoOtherBack() throws Exception {
		DatabaseUrl database = TestDatabase.fresh();
		int port = ReplicaJars.freePort();
		try (FakeBotApi telegram = FakeBotApi.start()) {
			FakeBot alpha = telegram.addBot(ALPHA, "alpha_bot").firstUpdateId(100_000);
			FakeBot beta = telegram.addBot(BETA, "beta_bot").firstUpdateId(200_000);
			FakeBot gamma = telegram.addBot(GAMMA, "gamma_bot").firstUpdateId(300_000);
			Map<String, String> environment = environment(telegram, database, port, ALPHA, BETA, GAMMA, REFUSED);
			AdminHttp admin = new AdminHttp(port, AppTestEnvironment.ADMIN_TOKEN);
			Path workDir = Scratch.directory("analytips-multibot");
			System.out.println("MULTIBOT the jar's output: " + workDir + "/output*.log");
			try (JarProcess jar = JarProcess.start(environment, workDir)) {
				awaitPolling(jar, alpha, beta, gamma);

				List<String> named = jar.output().stream().filter(line -> line.contains("token 4")).toList();
				assertThat(named).as("the refused token, named in one line").singleElement().asString()
					.contains("1000009", "invalid", "the other bots start").doesNotContain("refused-token-of");
				assertThat(telegram.calls()).filteredOn(call -> call.token().equals(REFUSED))
					.extracting(FakeBotApi.Call::method).containsOnly("getMe");

				alpha.enqueue(Updates.message(1001, "/help"));
				beta.enqueue(Updates.message(2001, "/help"));
				gamma.enqueue(Updates.message(3001, "/help"));
				await().atMost(Duration.ofSeconds(60)).until(() -> !alpha.messagesTo(1001).isEmpty()
						&& !beta.messagesTo(2001).isEmpty() && !gamma.messagesTo(3001).isEmpty());
				for (FakeBot bot : List.of(alpha, beta, gamma)) {
					long user = user(bot, 1);
					assertThat(bot.messages()).as("@" + bot.username() + " answers its user alone")
						.extracting(FakeBotApi.Call::chatId).containsOnly(user);
					assertThat(telegram.messagesTo(user)).as("user " + user + "'s reply, through the token of the bot written to")
						.extracting(FakeBotApi.Call::token).containsOnly(bot.token());
				}

				alpha.revoke();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> "unauthorized".equals(pipelineBot(admin, "alpha_bot").path("state").asString(null)));
				beta.when("sendMessage").retryAfter(5).times(3);
				alpha.enqueue(Updates.message(1002, "/help"));
				List<Long> betaUsers = users(2100, 5);
				betaUsers.forEach(user -> beta.enqueue(Updates.message(user, "/help")));
				Map<Long, Long> sentAt = new LinkedHashMap<>();
				for (long user : users(3100, BURST)) {
					sentAt.put(user, System.nanoTime());
					gamma.enqueue(Updates.message(user, "/help"));
				}
				await().atMost(Duration.ofSeconds(60))
					.until(() -> sentAt.keySet().stream().allMatch(user -> !gamma.messagesTo(user).isEmpty()));
				List<Long> millis = sentAt.entrySet().stream()
					.map(sent -> (gamma.messagesTo(sent.getKey()).get(0).atNanos() - sent.getValue()) / 1_000_000)
					.sorted().toList();
				System.out.printf("MULTIBOT @gamma_bot's burst of %d, @alpha_bot revoked and @beta_bot flooded: answered in"
						+ " %d ms (median), %d ms (max); each within %d ms%n", BURST, millis.get(BURST / 2),
						millis.get(BURST - 1), ON_TIME.toMillis());
				JsonNode health = admin.get("/actuator/health").json();
				assertThat(millis).as("@gamma_bot's answers, ms").allMatch(ms -> ms <= ON_TIME.toMillis());
				assertThat(jar.isAlive()).isTrue();
				assertThat(health.path("status").asString()).as(String.valueOf(health)).isEqualTo("UP");
				assertThat(health.at("/components/pipeline/details/bots/alpha_bot/state").asString()).isEqualTo("unauthorized");
				assertThat(health.at("/components/pipeline/details/bots/gamma_bot/state").asString()).isEqualTo("running");
				assertThat(health.at("/components/telegram/details/bots/alpha_bot/state").asString()).isEqualTo("unauthorized");

				// the three refused (429) go out again after their pause
				await().atMost(Duration.ofSeconds(60)).until(() -> beta.messages().stream()
					.filter(call -> betaUsers.contains(call.chatId())).count() >= betaUsers.size() + 3);
				// the three refused (429) were sent again after their pause; each user has one reply that went out
				List<FakeBotApi.Call> toBeta = beta.messages().stream().filter(call -> betaUsers.contains(call.chatId())).toList();
				assertThat(toBeta).as("five replies and three sent again").hasSize(betaUsers.size() + 3);
				for (long user : betaUsers) {
					List<FakeBotApi.Call> calls = beta.messagesTo(user);
					if (calls.size() == 2) {
						long pausedMs = (calls.get(1).atNanos() - calls.get(0).atNanos()) / 1_000_000;
						System.out.printf("MULTIBOT @beta_bot's reply to %d sent again %d ms after its 429 (retry_after 5 s)%n",
								user, pausedMs);
						assertThat(pausedMs).as("the pause Telegram asked for").isGreaterThanOrEqualTo(4_950);
					}
				}
				assertThat(alpha.messagesTo(1002)).as("a revoked bot answers nothing").isEmpty();

				String burstUsers = "select count(*) from users where user_id between 3100 and " + (3100 + BURST - 1);
				boolean burstRecorded = ReplicaJars.awaitOrGiveUp(Duration.ofSeconds(30),
						() -> BotUnderLoad.count(database, burstUsers) == BURST);
				long recorded = BotUnderLoad.count(database, burstUsers);

				// Telegram numbers each bot's updates on its own: two bots may get the same update_id
				beta.enqueue(Updates.message(2900, "/help").put("update_id", SAME_UPDATE_ID));
				gamma.enqueue(Updates.message(3900, "/help").put("update_id", SAME_UPDATE_ID));
				boolean bothAnswered = ReplicaJars.awaitOrGiveUp(Duration.ofSeconds(30),
						() -> !beta.messagesTo(2900).isEmpty() && !gamma.messagesTo(3900).isEmpty());
				jar.terminate();
				assertThat(jar.waitForExit(Duration.ofSeconds(60))).as("a clean stop").isZero();
				assertThat(burstRecorded).as("@gamma_bot's users recorded after @alpha_bot stopped: %d of %d", recorded, BURST).isTrue();
				assertThat(bothAnswered).as("two bots' updates of the same update_id, each answered (beta: %s, gamma: %s)",
						beta.messagesTo(2900).size(), gamma.messagesTo(3900).size()).isTrue();
			}
		}
	}

	@Test
	void botsRemovedAndAddedThroughTheAdminApiWhileTheOthersRunAndAfterARestart() throws Exception {
		DatabaseUrl database = TestDatabase.fresh();
		Path workDir = Scratch.directory("analytips-multibot-admin");
		System.out.println("MULTIBOT the jars' output: " + workDir + "/output*.log");
		int port = ReplicaJars.freePort();
		try (FakeBotApi telegram = FakeBotApi.start()) {
			FakeBot alpha = telegram.addBot(ALPHA, "alpha_bot").firstUpdateId(100_000);
			FakeBot beta = telegram.addBot(BETA, "beta_bot").firstUpdateId(200_000);
			FakeBot gamma = telegram.addBot(GAMMA, "gamma_bot").firstUpdateId(300_000);
			FakeBot delta = telegram.addBot(DELTA, "delta_bot").firstUpdateId(400_000);
			FakeBot epsilon = telegram.addBot(EPSILON, "epsilon_bot").firstUpdateId(500_000);
			Map<String, String> environment = environment(telegram, database, port, ALPHA, BETA, GAMMA);
			AdminHttp admin = new AdminHttp(port, AppTestEnvironment.ADMIN_TOKEN);
			try (JarProcess jar = JarProcess.start(environment, workDir)) {
				awaitPolling(jar, alpha, beta, gamma);
				assertThat(hosted(admin)).containsExactly("alpha_bot:configured", "beta_bot:configured", "gamma_bot:configured");
				assertThat(admin.delete("/admin/bots/nobody_bot").status()).isEqualTo(404);

				AdminHttp.Answer removed = admin.delete("/admin/bots/beta_bot");
				assertThat(removed.status()).as(removed.body()).isEqualTo(200);
				assertThat(removed.json().path("state").asString()).isEqualTo("stopped");
				assertAnsweredButNot(List.of(alpha, gamma), beta, 2);
				assertThat(hosted(admin)).containsExactly("alpha_bot:configured", "gamma_bot:configured");

				assertThat(admin.post("/admin/bots", "{\"token\":\"not a token\"}").status()).isEqualTo(400);
				assertThat(admin.post("/admin/bots", token(REFUSED)).status()).as("Telegram refuses it").isEqualTo(422);
				assertThat(admin.post("/admin/bots", token(ALPHA)).status()).as("hosted already").isEqualTo(409);
				long asked = System.nanoTime();
				AdminHttp.Answer added = admin.post("/admin/bots", token(DELTA));
				assertThat(added.status()).as(added.body()).isEqualTo(201);
				assertThat(added.json().path("username").asString()).isEqualTo("delta_bot");
				assertThat(added.json().path("id").asLong()).isEqualTo(1000004);
				assertThat(added.json().path("state").asString()).isEqualTo("running");
				assertThat(added.json().path("origin").asString()).isEqualTo("added");
				delta.enqueue(Updates.message(user(delta, 1), "/help"));
				await().atMost(Duration.ofSeconds(30)).until(() -> !delta.messagesTo(user(delta, 1)).isEmpty());
				double seconds = (delta.messagesTo(user(delta, 1)).get(0).atNanos() - asked) / 1e9;
				System.out.printf("MULTIBOT @delta_bot, added through POST /admin/bots, answered its first user %.2f s after"
						+ " the request%n", seconds);
				assertThat(seconds).as("answering within seconds of its addition").isLessThan(10);

				assertThat(admin.post("/admin/bots", token(EPSILON)).status()).isEqualTo(201);
				assertThat(hosted(admin)).containsExactly("alpha_bot:configured", "gamma_bot:configured", "delta_bot:added",
						"epsilon_bot:added");
				epsilon.enqueue(Updates.message(user(epsilon, 1), "/help"));
				await().atMost(Duration.ofSeconds(30)).until(() -> !epsilon.messagesTo(user(epsilon, 1)).isEmpty());
				assertThat(admin.delete("/admin/bots/epsilon_bot").status()).isEqualTo(200);
				assertAnsweredButNot(List.of(alpha, gamma, delta), epsilon, 3);
				assertThat(BotUnderLoad.rows(database, "select action from audit_log order by id")).contains("bot.add",
						"bot.remove", "POST /admin/bots", "DELETE /admin/bots/beta_bot", "DELETE /admin/bots/epsilon_bot");

				jar.terminate();
				assertThat(jar.waitForExit(Duration.ofSeconds(60))).as("a clean stop").isZero();
			}
			telegram.clearCalls();
			try (JarProcess again = JarProcess.start(environment, workDir)) {
				awaitPolling(again, alpha, gamma, delta);
				delta.enqueue(Updates.message(user(delta, 4), "/help"));
				await().atMost(Duration.ofSeconds(30)).until(() -> !delta.messagesTo(user(delta, 4)).isEmpty());
				List<String> after = hosted(admin);
				System.out.println("MULTIBOT after the restart: " + after);
				assertThat(after).as("the added bot back, the removed one not").contains("delta_bot:added")
					.noneMatch(bot -> bot.startsWith("epsilon_bot"));
				assertThat(epsilon.calls()).as("the removed bot stays away").isEmpty();
				assertThat(again.text()).doesNotContain("epsilon-token-of", "delta-token-of");
			}
		}
	}

	/** User {@code n} of a bot: 1001, 1002... for the bot of id ...1, 2001... for ...2. */
	private static long user(FakeBot bot, int n) {
		return bot.id() % 10 * 1000 + n;
	}

	/** An update to each bot: those {@code running} answer theirs, the {@code stopped} one does not. */
	private static void assertAnsweredButNot(List<FakeBot> running, FakeBot stopped, int n) {
		stopped.enqueue(Updates.message(user(stopped, n), "/help"));
		running.forEach(bot -> bot.enqueue(Updates.message(user(bot, n), "/help")));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> running.stream().allMatch(bot -> !bot.messagesTo(user(bot, n)).isEmpty()));
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
			.until(() -> stopped.messagesTo(user(stopped, n)).isEmpty());
	}

	private static Map<String, String> environment(FakeBotApi telegram, DatabaseUrl database, int port, String... tokens) {
		Map<String, String> environment = new HashMap<>(BotUnderLoad.environment(telegram, database, football));
		environment.remove("TELEGRAM_BOT_TOKEN");
		environment.put("TELEGRAM_BOT_TOKENS", String.join(",", tokens));
		environment.put("SERVER_PORT", String.valueOf(port));
		environment.put("ADMIN_API_TOKEN", AppTestEnvironment.ADMIN_TOKEN);
		environment.put("BOTS_TOKEN_KEY", TOKEN_KEY);
		return environment;
	}

	/** Waits, generously (a shared machine), until each bot polls Telegram with its own token. */
	private static void awaitPolling(JarProcess jar, FakeBot... bots) {
		await().atMost(Duration.ofSeconds(120))
			.until(() -> !jar.isAlive() || List.of(bots).stream().allMatch(bot -> !bot.calls("getUpdates").isEmpty()));
		assertThat(jar.isAlive()).as("the jar runs; its last lines:\n" + jar.tail(40)).isTrue();
	}

	private static List<Long> users(long first, int count) {
		return IntStream.range(0, count).mapToObj(i -> first + i).toList();
	}

	private static String token(String token) {
		return "{\"token\":\"" + token + "\"}";
	}

	/** The bot's details in {@code /actuator/health}'s pipeline component (missing while the jar does not answer). */
	private static JsonNode pipelineBot(AdminHttp admin, String username) {
		JsonNode health = admin.get("/actuator/health").json();
		return health == null ? tools.jackson.databind.node.MissingNode.getInstance()
				: health.at("/components/pipeline/details/bots/" + username);
	}

	/** {@code GET /admin/bots} as {@code username:origin}, in its order. */
	private static List<String> hosted(AdminHttp admin) {
		AdminHttp.Answer answer = admin.get("/admin/bots");
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		List<String> bots = new ArrayList<>();
		answer.json().forEach(bot -> bots.add(bot.path("username").asString() + ":" + bot.path("origin").asString()));
		return bots;
	}
}
