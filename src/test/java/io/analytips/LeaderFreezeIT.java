package io.analytips;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.store.DatabaseUrl;
import io.analytips.support.BotUnderLoad;
import io.analytips.support.FakeBotApi;
import io.analytips.support.JarProcess;
import io.analytips.support.ReplicaJars;
import io.analytips.support.TestClock;
import io.analytips.support.TestDatabase;
import io.analytips.support.Updates;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three packaged jars polling one PostgreSQL and one Telegram; under load (3 000 updates from 600 chats) the leader
 * is frozen with SIGSTOP, as a long GC pause, a suspended VM or a partition look to the database (its session stays
 * open), and woken with SIGCONT 40 s later. Another replica answers within 10 s of the freeze, every update ends
 * with one outcome, at most 1% are answered twice, and the woken process sends nothing once it knows it lost the
 * lead. Each replica calls the fake Telegram under its own name ({@link FakeBotApi#url(String)}), so every reply
 * is known by its sender. The figures are printed on one line starting {@code LeaderFreezeIT:}.
 */
class LeaderFreezeIT {

	private static final int UPDATES = 3000;

	private static final int CHATS = 600;

	private static final int FREEZE_AT = 600;

	private static final Duration FREEZE = Duration.ofSeconds(40);

	private static final Duration TAKEOVER = Duration.ofSeconds(10);

	/** What a replica logs when it learns that another took the lead (case aside). */
	private static final String LOSS = "lost the lead";

	private static final SimulatorServer football = SimulatorServer.start(ApiFootballSimulator.bundled(TestClock.running()),
			"127.0.0.1", 0);

	@Test
	void aFrozenLeaderIsReplacedWithinTenSecondsAndOnceWokenSendsNothingAfterLearningItLostTheLead() throws Exception {
		DatabaseUrl database = TestDatabase.fresh();
		List<JarProcess> replicas = new ArrayList<>();
		try (FakeBotApi telegram = FakeBotApi.start()) {
			Map<String, String> environment = BotUnderLoad.environment(telegram, database, football);
			try {
				JarProcess leader = ReplicaJars.startTelling(environment, telegram, "a");
				replicas.add(leader);
				await().atMost(Duration.ofSeconds(120)).until(() -> ReplicaJars.leads(leader) || !leader.isAlive());
				assertThat(ReplicaJars.leads(leader)).as("the first replica leads; its output:%n%s", leader.tail(40)).isTrue();
				for (String name : List.of("b", "c")) {
					replicas.add(ReplicaJars.startTelling(environment, telegram, name));
				}
				await().atMost(Duration.ofSeconds(120))
					.until(() -> replicas.stream().skip(1).allMatch(ReplicaJars::standingBy));
				for (int i = 0; i < UPDATES; i++) {
					telegram.enqueue(Updates.message(80_000 + i % CHATS, i / CHATS % 2 == 0 ? "/help" : "/cancel"));
				}
				await().atMost(Duration.ofSeconds(120)).until(() -> telegram.messages().size() >= FREEZE_AT);

				leader.pause();
				long pausedAt = System.nanoTime();
				int sentBeforeTheFreeze = telegram.messages().size();
				ReplicaJars.awaitOrGiveUp(FREEZE, () -> firstReplyOfTheOthers(telegram, pausedAt) > 0);
				await().atMost(FREEZE.plusSeconds(10)).until(() -> System.nanoTime() - pausedAt >= FREEZE.toNanos());
				leader.resume();
				long resumedAt = System.nanoTime();

				// when the woken process learns it lost the lead: seen in its output within 50 ms (polled), so the sends
				// counted after it are at most those of the last 50 ms fewer than the real ones
				AtomicLong learnedAt = new AtomicLong();
				Runnable watchForTheLoss = () -> {
					if (learnedAt.get() == 0 && leader.text().toLowerCase().contains(LOSS)) {
						learnedAt.set(System.nanoTime());
					}
				};
				ReplicaJars.awaitOrGiveUp(Duration.ofSeconds(240), () -> {
					watchForTheLoss.run();
					return UPDATES - telegram.unconfirmed() == UPDATES && BotUnderLoad.allFinished(database, UPDATES);
				});
				ReplicaJars.awaitOrGiveUp(Duration.ofSeconds(30), () -> {
					watchForTheLoss.run();
					return learnedAt.get() != 0;
				});
				List<String> unclean = ReplicaJars.stopAll(replicas);

				BotUnderLoad.Inbox inbox = BotUnderLoad.Inbox.of(database);
				List<FakeBotApi.Call> replies = telegram.messages();
				long first = firstReplyOfTheOthers(telegram, pausedAt);
				long takeoverMs = first > 0 ? (first - pausedAt) / 1_000_000 : -1;
				long twice = BotUnderLoad.repliesBeyondTheUpdates(replies, UPDATES / CHATS);
				long sentAfterTheResume = telegram.messagesVia("a").stream().filter(call -> call.atNanos() > resumedAt).count();
				long sentAfterTheLoss = learnedAt.get() == 0 ? -1
						: telegram.messagesVia("a").stream().filter(call -> call.atNanos() > learnedAt.get()).count();
				long chats = replies.stream().map(FakeBotApi.Call::chatId).distinct().count();
				String figures = String.format("takeover %d ms after the SIGSTOP (-1: none within the %d s freeze);"
						+ " %d of %d answered twice (replies beyond their chat's updates); the woken leader sent %d after"
						+ " the SIGCONT and %d after it logged"
						+ " \"%s\" (%s); %d replies (%d before the freeze) to %d chats; inbox %d rows, %d finished,"
						+ " %d done: %s; %d polls ended by a 409", takeoverMs, FREEZE.toSeconds(), twice, UPDATES,
						sentAfterTheResume, sentAfterTheLoss, LOSS, learnedAt.get() == 0 ? "never logged"
								: (learnedAt.get() - resumedAt) / 1_000_000 + " ms after the SIGCONT",
						replies.size(), sentBeforeTheFreeze, chats, inbox.rows(), inbox.finished(), inbox.done(),
						inbox.outcomes(), telegram.conflicts());
				System.out.println("LeaderFreezeIT: " + figures);

				SoftAssertions soft = new SoftAssertions();
				soft.assertThat(takeoverMs).as("takeover in ms (within %s of the freeze); %s", TAKEOVER, figures)
					.isBetween(0L, TAKEOVER.toMillis());
				soft.assertThat(inbox.finished()).as("updates with an outcome; %s", figures).isEqualTo(UPDATES);
				soft.assertThat(inbox.done()).as("updates answered; %s", figures).isEqualTo(UPDATES);
				soft.assertThat(twice).as("answered twice (at most 1%%); %s", figures).isBetween(0L, UPDATES / 100L);
				soft.assertThat(chats).as("chats answered; %s", figures).isEqualTo(CHATS);
				soft.assertThat(learnedAt.get()).as("the woken leader logs that it lost the lead; %s", figures)
					.isPositive();
				soft.assertThat(sentAfterTheLoss).as("sent by the woken leader once it knew it lost the lead; %s", figures)
					.isZero();
				soft.assertThat(unclean).as("replicas that did not stop cleanly; %s", figures).isEmpty();
				soft.assertAll();
			}
			finally {
				ReplicaJars.closeAll(replicas);
			}
		}
	}

	/** When the first reply sent by another replica than the frozen one after {@code pausedAt} arrived; 0: none. */
	private static long firstReplyOfTheOthers(FakeBotApi telegram, long pausedAt) {
		return telegram.messages().stream().filter(call -> !call.via().equals("a"))
			.mapToLong(FakeBotApi.Call::atNanos).filter(at -> at > pausedAt).min().orElse(0);
	}
}
