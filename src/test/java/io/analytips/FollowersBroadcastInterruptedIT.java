package io.analytips;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.support.AlertBroadcast;
import io.analytips.support.Followers;
import io.analytips.support.JarProcess;
import io.analytips.support.TestClock;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * The broadcast of {@link FollowersBroadcastIT} (10 000 followers' pre-kick-off alerts, due now, 500 a second, a claim of
 * 50 at a time) interrupted a third of the way in two more ways than a dead leader with a standby:
 * <ul>
 * <li>a lone replica SIGKILLed and started again, in the same working directory (its send journal) on the same
 * database: it gives back the batch it had claimed and finishes;</li>
 * <li>the leader frozen with SIGSTOP for {@link #FREEZE}, far longer than its lease (2 s; a standby takes over within
 * 2 x lease + retry, 5 s), so the standby takes over and finishes; the old leader is then woken with SIGCONT and runs
 * 10 s more, and sends nothing.</li>
 * </ul>
 * Every chat gets its alert, at most the one claimed batch twice, none three times. Each replica calls the fake under
 * its own name, so every alert is known by its sender. The figures are printed on lines starting {@code FOLLOWERS}.
 */
class FollowersBroadcastInterruptedIT {

	static final int FOLLOWERS = 10_000;

	static final int CLAIM = AlertBroadcast.CLAIM;

	/** Far longer than the lease (2 s) and than a takeover (within 5 s). */
	static final Duration FREEZE = Duration.ofSeconds(15);

	/** How long the woken leader runs before the end is counted. */
	static final Duration AFTER_THE_WAKE = Duration.ofSeconds(10);

	private static final SimulatorServer football = SimulatorServer.start(ApiFootballSimulator.bundled(TestClock.running()),
			"127.0.0.1", 0);

	@Test
	void aLoneReplicaKilledAndStartedAgainSendsEveryAlertAndAtMostItsClaimTwice() throws Exception {
		try (AlertBroadcast broadcast = AlertBroadcast.of(FOLLOWERS, football)) {
			Followers followers = broadcast.followers();
			Path directory = AlertBroadcast.directory("a");
			JarProcess first = broadcast.start("a", directory);
			broadcast.awaitPolling(first, "a");
			broadcast.seed();

			broadcast.awaitSends(FOLLOWERS / 3, Duration.ofSeconds(120));
			first.kill();
			int sentBeforeTheKill = followers.sends();
			String statesAtTheKill = broadcast.states();
			long restartedAt = System.nanoTime();
			JarProcess again = broadcast.start("a", directory);
			boolean finished = broadcast.awaitAllSent(Duration.ofSeconds(180), FOLLOWERS);
			List<String> unclean = broadcast.stopAll();

			String figures = String.format("restart: %d alerts to %d followers: %d sends (%d before the SIGKILL; rows"
					+ " then %s), %d chats reached, %d sent twice (%s), %d more than twice; after the start again: polled"
					+ " %d ms, first alert %d ms, last alert %d ms; alert outcomes logged by the first run %s, by the"
					+ " second %s; rows at the end %s, not sent %s", FOLLOWERS, FOLLOWERS,
					followers.sends(), sentBeforeTheKill, statesAtTheKill, followers.reached(), followers.chatsReceiving(2),
					span(followers.chatsReceivingMoreThanOnce()), followers.chatsReceivingMoreThan(2),
					millis(restartedAt, broadcast.firstPoll("a", restartedAt)),
					millis(restartedAt, followers.firstAfter(restartedAt)), millis(restartedAt, followers.lastNanos()),
					AlertBroadcast.outcomesLogged(first), AlertBroadcast.outcomesLogged(again), broadcast.states(),
					broadcast.rowsNotSent());
			System.out.println("FOLLOWERS " + figures);

			SoftAssertions soft = new SoftAssertions();
			followers.toldEveryChat(soft, finished, FOLLOWERS, CLAIM, figures);
			soft.assertThat(unclean).as("replicas that did not stop cleanly; %s", figures).isEmpty();
			soft.assertAll();
		}
	}

	@Test
	void aFrozenLeadersStandbyFinishesAndOnceWokenTheOldLeaderSendsNothing() throws Exception {
		try (AlertBroadcast broadcast = AlertBroadcast.of(FOLLOWERS, football)) {
			Followers followers = broadcast.followers();
			JarProcess a = broadcast.start("a");
			broadcast.awaitPolling(a, "a");
			JarProcess b = broadcast.start("b");
			broadcast.awaitStandingBy(b);
			broadcast.seed();

			broadcast.awaitSends(FOLLOWERS / 3, Duration.ofSeconds(120));
			a.pause();
			long pausedAt = System.nanoTime();
			int sentBeforeThePause = followers.sends();
			String statesAtThePause = broadcast.states();
			await().atMost(FREEZE.plusSeconds(10)).until(() -> System.nanoTime() - pausedAt >= FREEZE.toNanos());
			long sentByBDuringTheFreeze = followers.sendsVia("b");
			String statesAtTheWake = broadcast.states();
			a.resume();
			long resumedAt = System.nanoTime();
			await().atMost(AFTER_THE_WAKE.plusSeconds(10))
				.until(() -> System.nanoTime() - resumedAt >= AFTER_THE_WAKE.toNanos());
			boolean finished = broadcast.awaitAllSent(Duration.ofSeconds(120), FOLLOWERS);
			boolean learned = a.text().toLowerCase().contains("lost the lead");
			long sentAfterTheWake = followers.sendsVia("a", resumedAt);
			List<String> unclean = broadcast.stopAll();

			Long successorFirst = followers.firstVia("b");
			String figures = String.format("freeze: %d alerts to %d followers: %d sends (%d before the SIGSTOP; rows then"
					+ " %s), %d chats reached, %d sent twice (%s), %d more than twice; sent by a %d (%d after the SIGCONT),"
					+ " by b %d (%d during the %d s freeze; first %d ms after the SIGSTOP); rows at the SIGCONT %s; a logged"
					+ " that it lost the lead: %s; alert outcomes logged by a %s, by b %s; broadcast %d ms (first send to"
					+ " last); rows at the end %s, not sent %s", FOLLOWERS,
					FOLLOWERS, followers.sends(), sentBeforeThePause, statesAtThePause, followers.reached(),
					followers.chatsReceiving(2), span(followers.chatsReceivingMoreThanOnce()),
					followers.chatsReceivingMoreThan(2), followers.sendsVia("a"), sentAfterTheWake, followers.sendsVia("b"),
					sentByBDuringTheFreeze, FREEZE.toSeconds(),
					successorFirst == null ? -1 : millis(pausedAt, successorFirst), statesAtTheWake, learned,
					AlertBroadcast.outcomesLogged(a), AlertBroadcast.outcomesLogged(b),
					(followers.lastNanos() - followers.firstNanos()) / 1_000_000, broadcast.states(),
					broadcast.rowsNotSent());
			System.out.println("FOLLOWERS " + figures);

			SoftAssertions soft = new SoftAssertions();
			followers.toldEveryChat(soft, finished, FOLLOWERS, CLAIM, figures);
			soft.assertThat(sentAfterTheWake).as("alerts the old leader sent once woken; %s", figures).isZero();
			soft.assertThat(unclean).as("replicas that did not stop cleanly; %s", figures).isEmpty();
			soft.assertAll();
		}
	}

	/** Milliseconds from {@code from} to {@code to} ({@link System#nanoTime}); -1 when {@code to} never came. */
	private static long millis(long from, long to) {
		return to == Long.MAX_VALUE || to == Long.MIN_VALUE ? -1 : (to - from) / 1_000_000;
	}

	/** The chats' first and last id, for a report: {@code none}, or {@code 5003301..5003350}. */
	private static String span(List<Long> chats) {
		return chats.isEmpty() ? "none" : "chats " + chats.get(0) + ".." + chats.get(chats.size() - 1);
	}
}
