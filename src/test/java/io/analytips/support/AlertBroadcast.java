package io.analytips.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.analytips.football.sim.SimulatorServer;
import io.analytips.store.DatabaseUrl;

import static org.awaitility.Awaitility.await;

/**
 * What the process tests of a broadcast to followers share: a fresh PostgreSQL, a fake Telegram, {@link Followers}
 * counting the alerts it receives (chat by chat and replica by replica) and the packaged jars started on them, each
 * calling the fake under its own name ({@link ReplicaJars#startTelling}), at a global rate of 500 a second and alert
 * rounds every second. {@link #close} kills what still runs and stops the fake.
 */
public final class AlertBroadcast implements AutoCloseable {

	/** {@code analytips.follow.claim}: the most a leader that died or froze can leave half-sent. */
	public static final int CLAIM = 50;

	private final DatabaseUrl database = TestDatabase.fresh();

	private final FakeBotApi telegram = FakeBotApi.start();

	private final Followers followers;

	private final Map<String, String> environment;

	private final List<JarProcess> replicas = new ArrayList<>();

	private AlertBroadcast(int followers, SimulatorServer football) {
		this.followers = new Followers(followers);
		this.environment = new HashMap<>(BotUnderLoad.environment(telegram, database, football));
		environment.put("TELEGRAM_GLOBAL_RATE", "500");
		environment.put("ANALYTIPS_FOLLOW_TICK", "1s");
		telegram.onMessage(this.followers::seen);
	}

	/** {@code followers} chats to alert, none seeded yet ({@link #seed}); the fake counts their alerts from now. */
	public static AlertBroadcast of(int followers, SimulatorServer football) {
		return new AlertBroadcast(followers, football);
	}

	/**
	 * Counts the alerts, as {@link #of}, only among the messages {@code others} does not take as theirs (users
	 * chatting meanwhile). Call before any message goes.
	 */
	public AlertBroadcast besides(ChattingUsers others) {
		telegram.onMessage(call -> {
			if (!others.seen(call)) {
				followers.seen(call);
			}
		});
		return this;
	}

	public DatabaseUrl database() {
		return database;
	}

	public FakeBotApi telegram() {
		return telegram;
	}

	public Followers followers() {
		return followers;
	}

	/** Starts replica {@code name} in a working directory of its own. */
	public JarProcess start(String name) {
		return start(name, directory(name));
	}

	/**
	 * Starts replica {@code name} in {@code directory}: the same directory as a replica that died is the same jar
	 * started again (its send journal, {@code ./data/send-journal}, is there).
	 */
	public JarProcess start(String name, Path directory) {
		Map<String, String> own = new HashMap<>(environment);
		own.put("REPLICA_ID", name);
		own.put("TELEGRAM_API_URL", telegram.url(name));
		JarProcess replica = JarProcess.start(own, directory);
		replicas.add(replica);
		return replica;
	}

	/** A new working directory for replica {@code name}. */
	public static Path directory(String name) {
		return Scratch.directory("analytips-replica-" + name);
	}

	/** Waits up to two minutes for {@code replica} to poll the fake as {@code name} (or to die). */
	public void awaitPolling(JarProcess replica, String name) {
		await().atMost(Duration.ofSeconds(120)).until(() -> polled(name) || !replica.isAlive());
	}

	/** Waits up to two minutes for {@code replica} to stand by for the lead (or to die). */
	public void awaitStandingBy(JarProcess replica) {
		await().atMost(Duration.ofSeconds(120)).until(() -> ReplicaJars.standingBy(replica) || !replica.isAlive());
	}

	/** Writes the followers and their alerts, due now ({@link Followers#seed}). */
	public void seed() {
		followers.seed(database);
	}

	/** Waits, polling every 10 ms, for at least {@code sends} alerts to have reached the fake. */
	public void awaitSends(int sends, Duration atMost) {
		await().atMost(atMost).pollInterval(Duration.ofMillis(10)).until(() -> followers.sends() >= sends);
	}

	/** Waits up to {@code atMost} for every alert row to be {@code sent}; returns whether they were. */
	public boolean awaitAllSent(Duration atMost, int count) {
		return ReplicaJars.awaitOrGiveUp(atMost,
				() -> BotUnderLoad.count(database, "select count(*) from alerts where state = 'sent'") == count);
	}

	/** The alert rows by state, as text ({@link Followers#states}). */
	public String states() {
		return Followers.states(database);
	}

	/**
	 * The alert rows not {@code sent}, one per line's worth: chat, state, detail, how long after the claim they ended
	 * (for a report of what went wrong).
	 */
	public List<String> rowsNotSent() {
		return BotUnderLoad.rows(database, "select chat_id || ' ' || state || ' (' || coalesce(detail, '') || ', ended '"
				+ " || coalesce(to_char(finished_at, 'HH24:MI:SS.MS'), '-') || ')' from alerts where state <> 'sent'"
				+ " order by chat_id");
	}

	/** The alert outcomes {@code replica} logged (its access lines), by outcome: {@code {sent=3335, left=14}}. */
	public static Map<String, Long> outcomesLogged(JarProcess replica) {
		Pattern outcome = Pattern.compile("\"outcome\":\"(\\w+)\"");
		return replica.output().stream().filter(line -> line.contains("\"type\":\"alert\""))
			.map(outcome::matcher).filter(Matcher::find).collect(Collectors.groupingBy(found -> found.group(1),
					TreeMap::new, Collectors.counting()));
	}

	/** Whether the replica calling the fake as {@code name} has polled it. */
	public boolean polled(String name) {
		return telegram.calls("getUpdates").stream().anyMatch(call -> call.via().equals(name));
	}

	/** When the replica calling the fake as {@code name} first polled it ({@link System#nanoTime}). */
	public long firstPoll(String name) {
		return firstPoll(name, Long.MIN_VALUE);
	}

	/**
	 * When the replica calling the fake as {@code name} first polled it after {@code afterNanos} (a jar started again
	 * under the same name), or {@link Long#MAX_VALUE} if it did not.
	 */
	public long firstPoll(String name, long afterNanos) {
		return telegram.calls("getUpdates").stream().filter(call -> call.via().equals(name))
			.mapToLong(FakeBotApi.Call::atNanos).filter(at -> at > afterNanos).min().orElse(Long.MAX_VALUE);
	}

	/** Stops every live replica with SIGTERM ({@link ReplicaJars#stopAll}); what did not stop cleanly. */
	public List<String> stopAll() throws InterruptedException {
		return ReplicaJars.stopAll(replicas);
	}

	@Override
	public void close() {
		ReplicaJars.closeAll(replicas);
		telegram.close();
	}
}
