package io.analytips;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.store.DatabaseUrl;
import io.analytips.support.FakeBotApi;
import io.analytips.support.JarProcess;
import io.analytips.support.Scratch;
import io.analytips.support.TestClock;
import io.analytips.support.TestDatabase;
import io.analytips.support.Updates;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The packaged jar as operators run it: exit codes, the one-line start-up failure, SIGTERM under load. */
class AnalytipsProcessIT {

	/** API-Football for every child: the simulator, served from this JVM. */
	private static final SimulatorServer football = SimulatorServer.start(
			ApiFootballSimulator.bundled(TestClock.running()), "127.0.0.1", 0);

	private static Map<String, String> environment(FakeBotApi telegram, String databaseUrl, String logFormat) {
		return Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN, "TELEGRAM_API_URL", telegram.url(), "DATABASE_URL",
				databaseUrl, "SERVER_PORT", "0", "LOG_FORMAT", logFormat, "API_FOOTBALL_URL", football.url(),
				"API_FOOTBALL_KEY", ApiFootballSimulator.KEY);
	}

	@Test
	void aWrongTokenStopsStartUpWithExitCodeOneAndOneLineNamingIt() throws Exception {
		try (FakeBotApi telegram = FakeBotApi.start().acceptToken("the-right-token");
				JarProcess app = JarProcess.start(environment(telegram, TestDatabase.environmentUrl(TestDatabase.fresh()), "json"),
						Scratch.directory("analytips-it"))) {
			assertThat(app.waitForExit(Duration.ofSeconds(90))).isEqualTo(1);
			List<String> failures = app.output().stream().filter(line -> line.contains("TELEGRAM_BOT_TOKEN")).toList();
			assertThat(failures).hasSize(1);
			assertThat(failures.get(0)).contains("TELEGRAM_BOT_TOKEN is invalid: Telegram answered 401 Unauthorized")
				.startsWith("{").contains("\"level\":\"ERROR\"");
			assertThat(app.output()).noneMatch(line -> line.contains("at org.springframework"));
		}
	}

	@Test
	void aWrongApiFootballKeyStopsStartUpWithExitCodeOneNamingIt() throws Exception {
		Map<String, String> environment = new java.util.HashMap<>(environment(FakeBotApi.start(),
				TestDatabase.environmentUrl(TestDatabase.fresh()), "text"));
		environment.put("API_FOOTBALL_KEY", "not-the-key");
		try (JarProcess app = JarProcess.start(environment, Scratch.directory("analytips-it"))) {
			assertThat(app.waitForExit(Duration.ofSeconds(90))).isEqualTo(1);
			assertThat(app.output()).filteredOn(line -> line.contains("ERROR"))
				.anySatisfy(line -> assertThat(line).contains("API_FOOTBALL_KEY is invalid")
					.contains("Missing application key"));
			assertThat(app.output()).noneMatch(line -> line.contains("at org.springframework"));
		}
	}

	@Test
	void anUnreachableDatabaseStopsStartUpWithExitCodeOneNamingDatabaseUrl() throws Exception {
		try (FakeBotApi telegram = FakeBotApi.start();
				JarProcess app = JarProcess.start(environment(telegram, "postgres://postgres@127.0.0.1:1/analytips", "text"),
						Scratch.directory("analytips-it"))) {
			assertThat(app.waitForExit(Duration.ofSeconds(90))).isEqualTo(1);
			assertThat(app.output()).filteredOn(line -> line.contains("ERROR"))
				.anySatisfy(line -> assertThat(line).contains("DATABASE_URL is unreachable"));
			assertThat(app.output()).noneMatch(line -> line.contains("at org.springframework"));
		}
	}

	@Test
	void sigtermUnderLoadExitsZeroWithinTheDeadlineAndARestartFinishesEveryUpdateOnce() throws Exception {
		DatabaseUrl database = TestDatabase.fresh();
		Path workDir = Scratch.directory("analytips-it");
		int updates = 2000;
		try (FakeBotApi telegram = FakeBotApi.start()) {
			Map<String, String> environment = new java.util.HashMap<>(environment(telegram, TestDatabase.environmentUrl(database), "json"));
			environment.put("SHUTDOWN_DRAIN_TIMEOUT", "5s");
			environment.put("TELEGRAM_GLOBAL_RATE", "200");
			try (JarProcess first = JarProcess.start(environment, workDir)) {
				await().atMost(Duration.ofSeconds(90)).until(() -> !telegram.calls("getUpdates").isEmpty() || !first.isAlive());
				for (int i = 0; i < updates; i++) {
					telegram.enqueue(Updates.message(50_000 + i % 500, "/help"));
				}
				await().atMost(Duration.ofSeconds(30)).until(() -> telegram.messages().size() >= 100);
				long signalled = System.nanoTime();
				first.terminate();
				assertThat(first.waitForExit(Duration.ofSeconds(5 + 5))).as(first.tail(30)).isZero();
				Duration stopped = Duration.ofNanos(System.nanoTime() - signalled);
				System.out.printf("SIGTERM to exit under load: %d ms (drain deadline 5 s)%n", stopped.toMillis());
				assertThat(stopped).isLessThan(Duration.ofSeconds(10));
				assertThat(first.output()).anyMatch(line -> line.contains("Update pipeline stopped"));
			}

			try (JarProcess second = JarProcess.start(environment, workDir)) {
				await().atMost(Duration.ofSeconds(120)).until(() -> telegram.unconfirmed() == 0 && pending(database) == 0
						&& stored(database) == updates);
				second.terminate();
				assertThat(second.waitForExit(Duration.ofSeconds(30))).as(second.tail(30)).isZero(); // a wait, not a claim: room for a busy machine
			}

			ConnectionPool pool = TestDatabase.pool(database);
			DatabaseClient db = TestDatabase.client(pool);
			Map<String, Long> outcomes = db.sql("select coalesce(outcome, 'pending'), count(*) from inbox group by 1")
				.map(row -> Map.entry(row.get(0, String.class), row.get(1, Long.class)))
				.all()
				.collectMap(Map.Entry::getKey, Map.Entry::getValue)
				.block();
			pool.dispose();
			assertThat(outcomes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(updates);
			assertThat(outcomes).doesNotContainKey("pending").containsKey("done");
			long helpReplies = telegram.messages().stream().filter(m -> m.text().startsWith("<b>Comandos</b>")).count();
			assertThat(helpReplies).as("every handled update answered exactly once").isEqualTo(outcomes.get("done"));
		}
	}

	private static long pending(DatabaseUrl database) {
		return count(database, "select count(*) from inbox where outcome is null");
	}

	private static long stored(DatabaseUrl database) {
		return count(database, "select count(*) from inbox");
	}

	private static long count(DatabaseUrl database, String sql) {
		ConnectionPool pool = TestDatabase.pool(database);
		try {
			return TestDatabase.client(pool).sql(sql).map(row -> row.get(0, Long.class)).one().block();
		}
		finally {
			pool.dispose();
		}
	}
}
