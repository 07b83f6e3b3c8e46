package io.analytips;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.awaitility.Awaitility.await;

/**
 * Replies per second of the packaged bot with 1, 2 and 3 replicas on one PostgreSQL (polling one fake Bot API), and
 * of one process on it told it is alone (the baseline: no lease row, no marks of first messages for a successor):
 * one leads and handles everything, the others stand by, so the point is that standbys cost little and nothing
 * collapses, not that throughput grows. Each setting runs twice (in the orders 1, 2, 3 and 3, 2, 1): the jars
 * start, a warm-up of {@link #WARM_UP} updates, then {@link #RUNS} batches of {@link #BATCH} cheap {@code /help}
 * updates from as many users, all queued at once. A batch's rate is its size over the time from queueing to its
 * last reply; the medians are over a setting's six batches. CPU is that of all the jars together (standbys
 * included; PostgreSQL not counted), from {@code /proc}. The machine's two cores are shared by the jars,
 * PostgreSQL, the fake and this JVM. Writes {@code target/bench/replicas.json}; run with
 * {@code ./mvnw -Pbench -DskipTests -Djacoco.skip=true -Dtest=ReplicasBenchmark -Dsurefire.failIfNoSpecifiedTests=false verify}.
 */
class ReplicasBenchmark {

	static final int WARM_UP = 10000;

	static final int BATCH = 5000;

	static final int RUNS = 3;

	private static final Path OUT = Path.of("target", "bench");

	private final SimulatorServer football = SimulatorServer.start(ApiFootballSimulator.bundled(TestClock.running()),
			"127.0.0.1", 0);

	/**
	 * The settings in the order they run: {@code -Dreplicas.settings=0,1,1,0} measures only the cost of the lease and
	 * the marks (the baseline against one replica), in half the time.
	 */
	private static List<Integer> settings() {
		String chosen = System.getProperty("replicas.settings", "0,1,2,3,3,2,1,0");
		return java.util.Arrays.stream(chosen.split(",")).map(String::trim).map(Integer::valueOf).toList();
	}

	@Test
	@org.junit.jupiter.api.Timeout(value = 40, unit = java.util.concurrent.TimeUnit.MINUTES)
	void repliesPerSecondWithOneTwoAndThreeReplicas() throws Exception {
		// two passes in opposite orders, so that neither the first setting's cold database nor the machine's drift
		// favours one setting
		Map<Integer, List<Double>> rates = new java.util.TreeMap<>();
		Map<Integer, List<Double>> cpus = new java.util.TreeMap<>();
		// 0 is the baseline: one process on the same PostgreSQL told it is alone (REPLICAS_SHARED=false), so it runs
		// without the lease row and without marking first messages for a successor: 0 against 1 is what they cost
		for (int replicas : settings()) {
			measure(replicas, rates.computeIfAbsent(replicas, n -> new ArrayList<>()),
					cpus.computeIfAbsent(replicas, n -> new ArrayList<>()));
		}
		ArrayNode settings = TelegramJson.mapper().createArrayNode();
		for (int replicas : rates.keySet()) {
			ObjectNode result = settings.addObject();
			result.put("replicas", Math.max(replicas, 1))
				.put("shared", replicas > 0)
				.put("repliesPerSecondMedian", Math.round(median(rates.get(replicas))))
				.put("cpuMsPer1000Median", Math.round(median(cpus.get(replicas))));
			ArrayNode each = result.putArray("repliesPerSecond");
			rates.get(replicas).forEach(rate -> each.add(Math.round(rate)));
			ArrayNode cpu = result.putArray("cpuMsPer1000");
			cpus.get(replicas).forEach(ms -> cpu.add(Math.round(ms)));
			System.out.println("BENCH " + result);
		}
		ObjectNode report = TelegramJson.mapper().createObjectNode();
		report.put("batch", BATCH).put("runs", RUNS).put("warmUp", WARM_UP).set("replicas", settings);
		Files.createDirectories(OUT);
		Files.writeString(OUT.resolve("replicas.json"),
				TelegramJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
	}

	/** One setting: starts {@code count} jars, warms up, adds each batch's replies/s and CPU per 1 000 updates. */
	private void measure(int count, List<Double> rates, List<Double> cpuPer1000) throws Exception {
		DatabaseUrl database = TestDatabase.fresh();
		List<JarProcess> replicas = new ArrayList<>();
		try (FakeBotApi telegram = FakeBotApi.start()) {
			Map<String, String> environment = new HashMap<>(BotUnderLoad.environment(telegram, database, football));
			environment.put("TELEGRAM_GLOBAL_RATE", "100000");
			environment.put("BOT_QUEUE_CAPACITY", "10000");
			environment.put("LOG_UPDATES", "true");
			if (count == 0) {
				environment.put("REPLICAS_SHARED", "false");
			}
			try {
				for (int i = 0; i < Math.max(count, 1); i++) {
					Map<String, String> own = new HashMap<>(environment);
					own.put("REPLICA_ID", "bench-" + i);
					JarProcess replica = JarProcess.start(own, Scratch.directory("analytips-bench-" + i));
					replicas.add(replica);
					if (i == 0) {
						await().atMost(Duration.ofSeconds(180)).until(() -> !telegram.calls("getUpdates").isEmpty());
					}
				}
				await().atMost(Duration.ofSeconds(180))
					.until(() -> replicas.stream().skip(1).allMatch(replica -> replica.text().contains("Standing by")));
				long user = 1_000_000;
				user = batch(telegram, user, WARM_UP);
				for (int run = 0; run < RUNS; run++) {
					long cpuBefore = cpu(replicas);
					long started = System.nanoTime();
					user = batch(telegram, user, BATCH);
					double seconds = (System.nanoTime() - started) / 1e9;
					rates.add(BATCH / seconds);
					cpuPer1000.add((cpu(replicas) - cpuBefore) * 1000.0 / BATCH);
				}
			}
			finally {
				for (JarProcess replica : replicas) {
					replica.terminate();
				}
				for (JarProcess replica : replicas) {
					replica.waitForExit(Duration.ofSeconds(60));
					replica.close();
				}
			}
		}
	}

	/** Queues {@code size} {@code /help} updates from as many new users and waits for every reply; the next user. */
	private static long batch(FakeBotApi telegram, long firstUser, int size) {
		int before = telegram.messages().size();
		for (int i = 0; i < size; i++) {
			telegram.enqueue(Updates.message(firstUser + i, "/help"));
		}
		await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(20))
			.until(() -> telegram.messages().size() >= before + size);
		return firstUser + size;
	}

	private static long cpu(List<JarProcess> replicas) {
		return replicas.stream().mapToLong(replica -> replica.cpu().toMillis()).sum();
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}
}
