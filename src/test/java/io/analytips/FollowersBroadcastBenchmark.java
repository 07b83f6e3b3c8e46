package io.analytips;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.store.DatabaseUrl;
import io.analytips.support.BotUnderLoad;
import io.analytips.support.ChattingUsers;
import io.analytips.support.FakeBotApi;
import io.analytips.support.Followers;
import io.analytips.support.JarProcess;
import io.analytips.support.ReplicaJars;
import io.analytips.support.TestClock;
import io.analytips.support.TestDatabase;
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.awaitility.Awaitility.await;

/**
 * 10 000 pre-kick-off alerts at Telegram's default global rate ({@code TELEGRAM_GLOBAL_RATE=30}) from one packaged jar
 * (one replica, nothing killed), while 50 other users send {@code /start} and {@code /ajuda}, 5 a second: how long the
 * broadcast takes (first alert to last), the sends per second, and the replies' p50/p99 meanwhile (updates queued
 * between the first alert and the last). The alerts and their followers are written as in
 * {@link FollowersBroadcastIT}; the alert rounds run every second ({@code ANALYTIPS_FOLLOW_TICK=1s}), the rest is the
 * defaults. Writes {@code target/bench/followers-broadcast.json}; run with
 * {@code ./mvnw -Pbench -DskipTests -Djacoco.skip=true -Dtest=FollowersBroadcastBenchmark -Dsurefire.failIfNoSpecifiedTests=false verify}
 * (about 7 minutes).
 */
class FollowersBroadcastBenchmark {

	static final int FOLLOWERS = 10_000;

	private static final Path OUT = Path.of("target", "bench");

	private final SimulatorServer football = SimulatorServer.start(ApiFootballSimulator.bundled(TestClock.running()),
			"127.0.0.1", 0);

	@Test
	@org.junit.jupiter.api.Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
	void tenThousandAlertsAtTheDefaultRate() throws Exception {
		DatabaseUrl database = TestDatabase.fresh();
		Followers followers = new Followers(FOLLOWERS);
		try (FakeBotApi telegram = FakeBotApi.start()) {
			Map<String, String> environment = new HashMap<>(BotUnderLoad.environment(telegram, database, football));
			environment.put("TELEGRAM_GLOBAL_RATE", "30");
			environment.put("ANALYTIPS_FOLLOW_TICK", "1s");
			JarProcess bot = ReplicaJars.startTelling(environment, telegram, "solo");
			try (ChattingUsers users = ChattingUsers.of(telegram, 800_000, 50)) {
				await().atMost(Duration.ofSeconds(180)).until(() -> !telegram.calls("getUpdates").isEmpty() || !bot.isAlive());
				telegram.onMessage(call -> {
					if (!users.seen(call)) {
						followers.seen(call);
					}
				});
				users.start(5);
				followers.seed(database);
				boolean finished = ReplicaJars.awaitOrGiveUp(Duration.ofMinutes(15), () -> BotUnderLoad.count(database,
						"select count(*) from alerts where state in ('pending', 'sending')") == 0);
				users.close();
				ReplicaJars.awaitOrGiveUp(Duration.ofSeconds(5), () -> users.waiting() == 0);

				long first = followers.firstNanos();
				long last = followers.lastNanos();
				double seconds = (last - first) / 1e9;
				List<ChattingUsers.Reply> during = users.replies(at -> at >= first && at <= last);
				ObjectNode report = TelegramJson.mapper().createObjectNode();
				report.put("followers", FOLLOWERS)
					.put("globalRate", 30)
					.put("finished", finished)
					.put("alertsSent", followers.sends())
					.put("chatsReached", followers.reached())
					.put("chatsSentTwice", followers.chatsReceiving(2))
					.put("rows", Followers.states(database))
					.put("broadcastSeconds", Math.round(seconds * 10) / 10.0)
					.put("sendsPerSecond", Math.round(followers.sends() / seconds * 10) / 10.0)
					.put("repliesDuring", during.size())
					.put("replyP50Ms", ChattingUsers.percentile(during, 50))
					.put("replyP99Ms", ChattingUsers.percentile(during, 99))
					.put("replyMaxMs", ChattingUsers.percentile(during, 100))
					.put("turnsLetGo", users.turnsLetGo());
				System.out.println("BENCH " + report);
				Files.createDirectories(OUT);
				Files.writeString(OUT.resolve("followers-broadcast.json"),
						TelegramJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
			}
			finally {
				bot.terminate();
				bot.waitForExit(Duration.ofSeconds(60));
				bot.close();
			}
		}
	}
}
