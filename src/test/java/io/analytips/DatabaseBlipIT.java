package io.analytips;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.support.BotUnderLoad;
import io.analytips.support.FakeBotApi;
import io.analytips.support.JarProcess;
import io.analytips.support.ReplicaJars;
import io.analytips.support.StoppableDatabase;
import io.analytips.support.TestClock;
import io.analytips.support.Updates;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar on a PostgreSQL of its own, which stops for 5 s three times under load (1 500 updates from 300
 * chats): sessions ended, connections refused, then the same server back. Any deployment with {@code DATABASE_URL}
 * runs the elected lead, so a blip costs the lead even of a single process; with three replicas the lead may move.
 * Every update ends with one outcome, answered, and at most 1% are answered twice. The figures are printed on one
 * line starting {@code DatabaseBlipIT:}.
 */
class DatabaseBlipIT {

	private static final int UPDATES = 1500;

	private static final int CHATS = 300;

	private static final int BLIPS = 3;

	private static final Duration OUTAGE = Duration.ofSeconds(5);

	private static final SimulatorServer football = SimulatorServer.start(ApiFootballSimulator.bundled(TestClock.running()),
			"127.0.0.1", 0);

	@ParameterizedTest(name = "{0} replica(s)")
	@ValueSource(ints = { 1, 3 })
	void threeFiveSecondOutagesOfTheDatabaseLeaveEveryUpdateAnsweredAndAtMostOnePercentTwice(int count)
			throws Exception {
		List<JarProcess> replicas = new ArrayList<>();
		try (StoppableDatabase database = StoppableDatabase.start(); FakeBotApi telegram = FakeBotApi.start()) {
			Map<String, String> environment = BotUnderLoad.environment(telegram, database.url(), football);
			try {
				JarProcess first = ReplicaJars.startTelling(environment, telegram, "a");
				replicas.add(first);
				await().atMost(Duration.ofSeconds(120)).until(() -> ReplicaJars.leads(first) || !first.isAlive());
				assertThat(ReplicaJars.leads(first)).as("the first replica leads; its output:%n%s", first.tail(40)).isTrue();
				for (String name : List.of("b", "c").subList(0, count - 1)) {
					replicas.add(ReplicaJars.startTelling(environment, telegram, name));
				}
				await().atMost(Duration.ofSeconds(120))
					.until(() -> replicas.stream().skip(1).allMatch(ReplicaJars::standingBy));
				for (int i = 0; i < UPDATES; i++) {
					telegram.enqueue(Updates.message(90_000 + i % CHATS, i / CHATS % 2 == 0 ? "/help" : "/cancel"));
				}

				List<Integer> stoppedAtReplies = new ArrayList<>();
				List<Long> restartedAt = new ArrayList<>();
				for (int blip = 1; blip <= BLIPS; blip++) {
					int replies = UPDATES * blip / (BLIPS + 1);
					// a bot stalled by the previous blip is measured, not waited for: the next blip comes anyway
					ReplicaJars.awaitOrGiveUp(Duration.ofSeconds(120), () -> telegram.messages().size() >= replies);
					stoppedAtReplies.add(telegram.messages().size());
					database.stop();
					long stoppedAt = System.nanoTime();
					await().atMost(OUTAGE.plusSeconds(10)).until(() -> System.nanoTime() - stoppedAt >= OUTAGE.toNanos());
					database.startAgain();
					restartedAt.add(System.nanoTime());
				}
				ReplicaJars.awaitOrGiveUp(Duration.ofSeconds(240), () -> telegram.unconfirmed() == 0
						&& BotUnderLoad.allFinished(database.url(), UPDATES));
				List<String> unclean = ReplicaJars.stopAll(replicas);

				BotUnderLoad.Inbox inbox = BotUnderLoad.Inbox.of(database.url());
				List<FakeBotApi.Call> replies = telegram.messages();
				long twice = BotUnderLoad.repliesBeyondTheUpdates(replies, UPDATES / CHATS);
				List<Long> silence = restartedAt.stream().map(at -> replies.stream().mapToLong(FakeBotApi.Call::atNanos)
					.filter(sent -> sent > at).min().orElse(at - 1_000_000) - at).map(nanos -> nanos / 1_000_000).toList();
				String figures = String.format("%d replica(s), PostgreSQL stopped %d times for %d s (at %s replies):"
						+ " %d of %d answered twice (replies beyond their chat's updates); first reply %s ms after each"
						+ " restart (-1: none); %d replies;"
						+ " inbox %d rows, %d finished, %d done: %s; %d unconfirmed at Telegram", count, BLIPS,
						OUTAGE.toSeconds(), stoppedAtReplies, twice, UPDATES, silence, replies.size(), inbox.rows(),
						inbox.finished(), inbox.done(), inbox.outcomes(), telegram.unconfirmed());
				System.out.println("DatabaseBlipIT: " + figures);

				SoftAssertions soft = new SoftAssertions();
				soft.assertThat(inbox.rows()).as("updates in the inbox; %s", figures).isEqualTo(UPDATES);
				soft.assertThat(inbox.finished()).as("updates with an outcome; %s", figures).isEqualTo(UPDATES);
				soft.assertThat(inbox.done()).as("updates answered; %s", figures).isEqualTo(UPDATES);
				soft.assertThat(twice).as("answered twice (at most 1%%); %s", figures).isBetween(0L, UPDATES / 100L);
				soft.assertThat(unclean).as("replicas that did not stop cleanly; %s", figures).isEmpty();
				soft.assertAll();
			}
			finally {
				ReplicaJars.closeAll(replicas);
			}
		}
	}
}
