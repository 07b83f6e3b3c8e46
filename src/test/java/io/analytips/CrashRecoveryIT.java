package io.analytips;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.store.DatabaseUrl;
import io.analytips.support.BotUnderLoad;
import io.analytips.support.FakeBotApi;
import io.analytips.support.JarProcess;
import io.analytips.support.Scratch;
import io.analytips.support.TestClock;
import io.analytips.support.TestDatabase;
import io.analytips.support.Updates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar killed with SIGKILL under load (2 000 updates from 500 chats), at several points
 * of the load, then started again: every update ends with exactly one outcome, nothing is lost, and
 * the updates answered twice (sent before the kill, recorded after it) stay within 1%. The count
 * is printed: it is the measured send window of {@code docs/architecture.md}.
 */
class CrashRecoveryIT {

	private static final int UPDATES = 2000;

	private static final SimulatorServer football = SimulatorServer.start(ApiFootballSimulator.bundled(TestClock.running()),
			"127.0.0.1", 0);

	@ParameterizedTest(name = "killed after {0} replies")
	@ValueSource(ints = { 300, 1000, 1700 })
	void aKilledBotRestartsAndAnswersEveryUpdateOnceSaveTheSendWindow(int killAfter) throws Exception {
		DatabaseUrl database = TestDatabase.fresh();
		Path workDir = Scratch.directory("analytips-crash");
		try (FakeBotApi telegram = FakeBotApi.start()) {
			Map<String, String> environment = BotUnderLoad.environment(telegram, database, football);
			try (JarProcess first = JarProcess.start(environment, workDir)) {
				await().atMost(Duration.ofSeconds(120)).until(() -> !telegram.calls("getUpdates").isEmpty() || !first.isAlive());
				for (int i = 0; i < UPDATES; i++) {
					telegram.enqueue(Updates.message(60_000 + i % 500, "/help"));
				}
				await().atMost(Duration.ofSeconds(120)).until(() -> telegram.messages().size() >= killAfter);
				first.kill();
			}
			int sentBeforeTheKill = telegram.messages().size();

			try (JarProcess second = JarProcess.start(environment, workDir)) {
				await().atMost(Duration.ofSeconds(180)).until(() -> telegram.unconfirmed() == 0 && BotUnderLoad.count(database,
						"select count(*) from inbox where outcome is null") == 0
						&& BotUnderLoad.count(database, "select count(*) from inbox") == UPDATES);
				second.terminate();
				assertThat(second.waitForExit(Duration.ofSeconds(30))).isZero();
			}

			long done = BotUnderLoad.count(database, "select count(*) from inbox where outcome = 'done'");
			long finished = BotUnderLoad.count(database, "select count(*) from inbox where outcome is not null");
			long replies = telegram.messages().stream().filter(m -> m.text().startsWith("<b>Comandos</b>")).count();
			long answeredTwice = replies - done;
			System.out.println("CRASH outcomes " + BotUnderLoad.outcomes(database));
			System.out.printf("CRASH killed after %d replies (%d sent before the kill): %d updates, %d done, %d replies,"
					+ " %d answered twice%n", killAfter, sentBeforeTheKill, UPDATES, done, replies, answeredTwice);
			assertThat(finished).as("every update has an outcome").isEqualTo(UPDATES);
			assertThat(done).as("every update answered (nothing limited or rejected here)").isEqualTo(UPDATES);
			assertThat(answeredTwice).as("updates answered twice").isBetween(0L, UPDATES / 100L);
		}
	}
}
