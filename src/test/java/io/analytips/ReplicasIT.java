package io.analytips;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.store.DatabaseUrl;
import io.analytips.support.BotUnderLoad;
import io.analytips.support.FakeBotApi;
import io.analytips.support.JarProcess;
import io.analytips.support.TestClock;
import io.analytips.support.TestDatabase;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three packaged jars on one PostgreSQL (started by the test) and one Telegram, in polling mode: one leads, two stand
 * by. Under load the leader is killed with SIGKILL, then another replica is stopped with SIGTERM and started again.
 * Every update ends with exactly one outcome, the replies beyond the updates stay within the dead leader's send
 * window, nobody polls beside the leader (no 409), and the takeover time is printed.
 */
class ReplicasIT {

	private static final int UPDATES = 3000;

	private static final int CHATS = 600;

	private static final SimulatorServer football = SimulatorServer.start(ApiFootballSimulator.bundled(TestClock.running()),
			"127.0.0.1", 0);

	@Test
	void aDeadLeadersUpdatesAreAnsweredOnceByItsSuccessor() throws Exception {
		DatabaseUrl database = TestDatabase.fresh();
		List<JarProcess> replicas = new ArrayList<>();
		try (FakeBotApi telegram = FakeBotApi.start()) {
			Map<String, String> environment = BotUnderLoad.environment(telegram, database, football);
			try {
				JarProcess leader = start(environment, "a");
				replicas.add(leader);
				await().atMost(Duration.ofSeconds(120)).until(() -> !telegram.calls("getUpdates").isEmpty() || !leader.isAlive());
				JarProcess b = start(environment, "b");
				JarProcess c = start(environment, "c");
				replicas.add(b);
				replicas.add(c);
				await().atMost(Duration.ofSeconds(120)).until(() -> standingBy(b) && standingBy(c));
				for (int i = 0; i < UPDATES; i++) {
					telegram.enqueue(Updates.message(70_000 + i % CHATS, "/help"));
				}
				await().atMost(Duration.ofSeconds(120)).until(() -> telegram.messages().size() >= UPDATES / 4);

				leader.kill();
				long killedAt = System.nanoTime();
				int sentBeforeTheKill = telegram.messages().size();
				// the takeover ends with the successor's first reply (the dead leader's last requests arrive within 100 ms)
				long after = killedAt + 100_000_000L;
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
					.until(() -> telegram.messages().stream().anyMatch(call -> call.atNanos() > after));
				long takeover = telegram.messages().stream().mapToLong(FakeBotApi.Call::atNanos)
					.filter(at -> at > after).min().getAsLong() - killedAt;

				await().atMost(Duration.ofSeconds(120)).until(() -> telegram.messages().size() >= UPDATES * 2 / 3);
				// a rolling restart of one of the two left: it stops cleanly (handing the lead over if it led) and comes back
				b.terminate();
				assertThat(b.waitForExit(Duration.ofSeconds(60))).as("a clean stop").isZero();
				JarProcess restarted = start(environment, "b");
				replicas.add(restarted);
				await().atMost(Duration.ofSeconds(120)).until(() -> standingBy(restarted) || restarted.text().contains("leads"));

				await().atMost(Duration.ofSeconds(180)).until(() -> telegram.unconfirmed() == 0
						&& BotUnderLoad.count(database, "select count(*) from inbox where outcome is null") == 0
						&& BotUnderLoad.count(database, "select count(*) from inbox") == UPDATES);
				for (JarProcess replica : replicas) {
					if (replica.isAlive()) {
						replica.terminate();
						assertThat(replica.waitForExit(Duration.ofSeconds(60))).isZero();
					}
				}

				System.out.println("REPLICAS outcomes " + BotUnderLoad.outcomes(database));
				long done = BotUnderLoad.count(database, "select count(*) from inbox where outcome = 'done'");
				long finished = BotUnderLoad.count(database, "select count(*) from inbox where outcome is not null");
				long replies = telegram.messages().stream().filter(m -> m.text().startsWith("<b>Comandos</b>")).count();
				System.out.printf("REPLICAS %d updates: %d done, %d replies (%d sent before the SIGKILL), %d answered twice;"
						+ " takeover %d ms after the SIGKILL; %d polls ended by a 409%n", UPDATES, done, replies,
						sentBeforeTheKill, replies - done, takeover / 1_000_000, telegram.conflicts());
				assertThat(finished).as("every update has an outcome").isEqualTo(UPDATES);
				assertThat(done).as("every update answered").isEqualTo(UPDATES);
				// the successor cannot read the dead leader's send journal (a file of its own): what the leader had sent
				// and not yet recorded in the inbox is answered again; measured 16 to 59 of 3 000 (docs/scaling.md)
				assertThat(replies - done).as("answered twice").isBetween(0L, UPDATES / 25L);
				assertThat(Duration.ofNanos(takeover)).isLessThan(Duration.ofSeconds(5));
			}
			finally {
				for (JarProcess replica : replicas) {
					replica.close();
				}
			}
		}
	}

	private static boolean standingBy(JarProcess replica) {
		return replica.text().contains("Standing by");
	}

	private static JarProcess start(Map<String, String> environment, String name) throws Exception {
		Path workDir = Files.createTempDirectory("analytips-replica-" + name);
		return JarProcess.start(environment, workDir);
	}
}
