package io.analytips;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.store.DatabaseServer;
import io.analytips.support.BotUnderLoad;
import io.analytips.support.JarProcess;
import io.analytips.support.Scratch;
import io.analytips.support.TestClock;
import io.analytips.support.TestDatabase;
import io.analytips.support.load.FakeBotApiProcess;
import io.analytips.support.load.JvmMemory;
import io.analytips.support.load.ProcessCpu;
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.awaitility.Awaitility.await;

/**
 * How many bots one process hosts: the packaged jar as users run it (the shipped JVM options, {@link JarProcess#SHIPPED_JVM_OPTIONS}; its durable
 * embedded PostgreSQL, one JSON access line per update, each bot's outbound rate at Telegram's default of 30
 * messages a second) hosting N bots ({@code TELEGRAM_BOT_TOKENS}) that poll one fake Bot API in a JVM of its own
 * ({@link FakeBotApiProcess#startBots}). For each N, a fresh jar and database: every bot answers a first
 * {@code /help}, then the idle process's heap after a full GC ({@code jcmd GC.run}, {@code GC.heap_info}), RSS and
 * threads, and its CPU over {@link #IDLE_SECONDS} s; a warm-up open loop; then the measured open loop, {@link #RATE} {@code /help} a second to each bot from
 * its own users (one update each) for {@link #SECONDS} s, the bots' starts staggered so the updates arrive evenly.
 * Latency runs from when each update was due to its reply reaching the fake. CPU is read from {@code /proc}: the
 * jar, its PostgreSQL (postmaster and backends), the fake. The counts run {@link #ROUNDS} times, ascending then
 * descending, so the machine's drift touches all; N = 1 is always among them (the baseline the ratios are to).
 * <p>
 * A process keeps up with N bots when it answers at least {@link #KEEPS_UP} of the offered rate with a p99 under
 * {@link #P99_LIMIT_MS} ms (medians over the runs); the capacity is the largest N that keeps up along with every
 * smaller one, and it and the next N run at least {@link #DECISIVE_RUNS} times. Memory per bot: the idle figures at
 * N against N = 1, over N − 1.
 * <p>
 * Writes {@code target/bench/multi-bot.json}; run with
 * {@code ./mvnw -Pbench -DskipTests -Djacoco.skip=true -Dtest=MultiBotBenchmark -Dsurefire.failIfNoSpecifiedTests=false verify}.
 * {@code -Dbench.bots.counts=1,10,25,50,100}, {@code .rate}, {@code .seconds}, {@code .warmUpSeconds},
 * {@code .rounds}, {@code .decisiveRuns}, {@code .idleSeconds}, {@code .globalRate} (each bot's
 * {@code TELEGRAM_GLOBAL_RATE}) and {@code .p99LimitMs} (100: the bound) change the sizes; {@code .database=beside} see {@link #DATABASE_BESIDE}.
 */
class MultiBotBenchmark {

	static final List<Integer> COUNTS = counts();

	static final int RATE = Integer.getInteger("bench.bots.rate", 30);

	static final int SECONDS = Integer.getInteger("bench.bots.seconds", 30);

	static final int WARM_UP_SECONDS = Integer.getInteger("bench.bots.warmUpSeconds", 15);

	static final int ROUNDS = Integer.getInteger("bench.bots.rounds", 3);

	/** How long the idle process's CPU is read, after the memory figures. */
	static final int IDLE_SECONDS = Integer.getInteger("bench.bots.idleSeconds", 10);

	static final String GLOBAL_RATE = System.getProperty("bench.bots.globalRate", "30");

	/**
	 * {@code -Dbench.bots.database=beside}: the same durable embedded PostgreSQL, started by this JVM in the jar's
	 * working directory and given to it as {@code DATABASE_URL}, for builds whose jar cannot start its own.
	 */
	static final boolean DATABASE_BESIDE = "beside".equals(System.getProperty("bench.bots.database"));

	static final int DECISIVE_RUNS = Integer.getInteger("bench.bots.decisiveRuns", 3);

	static final double KEEPS_UP = 0.98;

	static final double P99_LIMIT_MS = Double.parseDouble(System.getProperty("bench.bots.p99LimitMs", "100"));

	private final SimulatorServer football = SimulatorServer.start(ApiFootballSimulator.bundled(TestClock.running()),
			"127.0.0.1", 0);

	private final MultiBotReport report = new MultiBotReport(COUNTS);

	private long nextUser = 1_000_000_000L;

	private int failed;

	private static List<Integer> counts() {
		List<Integer> counts = new ArrayList<>(Arrays.stream(System.getProperty("bench.bots.counts", "1,10,25,50,100")
			.split(",")).map(String::trim).map(Integer::valueOf).sorted().distinct().toList());
		if (!counts.contains(1)) {
			counts.add(0, 1);
		}
		return counts;
	}

	@Test
	@Timeout(value = 150, unit = TimeUnit.MINUTES)
	void howManyBotsOneProcessHostsAtTelegramsRateEach() throws Exception {
		try {
			for (int round = 0; round < ROUNDS; round++) {
				List<Integer> order = new ArrayList<>(COUNTS);
				if (round % 2 == 1) {
					java.util.Collections.reverse(order);
				}
				for (int bots : order) {
					measure(bots, round);
				}
			}
			for (int decisive : failed > 0 ? List.<Integer>of() : report.decisive()) {
				while (report.runsOf(decisive) < DECISIVE_RUNS) {
					measure(decisive, -1);
				}
			}
			report.write(TelegramJson.mapper().createObjectNode().put("rate", RATE).put("seconds", SECONDS)
				.put("warmUpSeconds", WARM_UP_SECONDS).put("globalRate", GLOBAL_RATE).put("rounds", ROUNDS)
				.put("database", DATABASE_BESIDE ? "beside" : "jar"));
		}
		finally {
			football.close();
		}
		if (failed > 0) {
			throw new AssertionError(failed + " runs failed: see their \"error\" in target/bench/multi-bot.json");
		}
	}

	/** One setting: a fresh fake and jar hosting {@code bots} bots, idle memory, warm-up, the measured open loop. */
	private void measure(int bots, int round) throws Exception {
		ObjectNode result = report.add(bots, round);
		Path work = Scratch.directory("analytips-bots-" + bots);
		DatabaseServer beside = DATABASE_BESIDE ? DatabaseServer.embedded(work.resolve("data"), true) : null;
		try (FakeBotApiProcess fake = FakeBotApiProcess.startBots(bots)) {
			Map<String, String> environment = BotUnderLoad.asUsersRunIt(fake.url(0), football, 1_000);
			if (beside != null) {
				environment.put("DATABASE_URL", TestDatabase.environmentUrl(beside.url()));
				// as with its own embedded database: alone on it, so no lease row and no marks for a successor
				environment.put("REPLICAS_SHARED", "false");
			}
			environment.remove("TELEGRAM_BOT_TOKEN");
			environment.put("TELEGRAM_BOT_TOKENS", String.join(",", fake.tokens()));
			environment.put("TELEGRAM_GLOBAL_RATE", GLOBAL_RATE);
			// e.g. -Dbench.bots.javaToolOptions=-XX:StartFlightRecording=filename=target/bench/bots-{bots}.jfr: the jar's
			// alone (in mvn's environment it would reach mvn, surefire and the fake too)
			String profiling = System.getProperty("bench.bots.javaToolOptions");
			if (profiling != null) {
				environment.put("JAVA_TOOL_OPTIONS", profiling.replace("{bots}", String.valueOf(bots)));
			}
			long launched = System.nanoTime();
			JarProcess jar = JarProcess.start(environment, work);
			try {
				fake.burstAll(user(bots, 1), 1, 1, "/help");
				JsonNode first = fake.runAllWithin(Duration.ofMinutes(4), jar::isAlive);
				if (first.path("replies").asInt() < bots) {
					throw new IllegalStateException("only " + first.path("replies") + " of " + bots
							+ " bots answered their first update: " + first);
				}
				result.put("startSeconds", round1((System.nanoTime() - launched) / 1e9));
				result.put("idleHeapMb", heapAfterGcMb(jar)).put("idleRssMb", mb(JvmMemory.status(jar.pid(), "VmRSS")));
				result.put("idleThreads", JvmMemory.status(jar.pid(), "Threads"));
				long idleCpu = jar.cpu().toMillis() + databaseCpu(work);
				// the window whose CPU is read: the jar, given nothing to do, stays up through it
				await().during(Duration.ofSeconds(IDLE_SECONDS)).atMost(Duration.ofSeconds(IDLE_SECONDS + 5)).until(jar::isAlive);
				result.put("idleCores",
						round2((jar.cpu().toMillis() + databaseCpu(work) - idleCpu) / (IDLE_SECONDS * 1000.0)));
				int warmUsers = RATE * WARM_UP_SECONDS;
				fake.openAll(user(bots, warmUsers), warmUsers, RATE, WARM_UP_SECONDS, "/help");
				fake.runAllWithin(Duration.ofSeconds(WARM_UP_SECONDS + 60), jar::isAlive);
				openLoop(fake, jar, work, bots, result);
				result.put("afterHeapMb", heapAfterGcMb(jar)).put("rssMb", mb(JvmMemory.status(jar.pid(), "VmRSS")));
				result.put("peakRssMb", mb(JvmMemory.status(jar.pid(), "VmHWM")));
				result.put("threads", JvmMemory.status(jar.pid(), "Threads"));
			}
			catch (RuntimeException | AssertionError ex) {
				failed++;
				result.put("error", ex.toString());
				System.out.println("BENCH bots " + bots + " failed: " + ex + "\njar output:\n" + jar.tail(40));
			}
			finally {
				jar.terminate();
				jar.waitForExit(Duration.ofSeconds(90));
				jar.close();
			}
		}
		finally {
			if (beside != null) {
				beside.destroy();
			}
		}
		System.out.println("BENCH bots " + result);
	}

	/** The measured open loop: its report from the fake, and the CPU of the jar, its PostgreSQL and the fake. */
	private void openLoop(FakeBotApiProcess fake, JarProcess jar, Path work, int bots, ObjectNode result) {
		int users = RATE * SECONDS;
		long jarCpu = jar.cpu().toMillis();
		long databaseCpu = databaseCpu(work);
		long fakeCpu = ProcessCpu.millis(fake.pid());
		long started = System.nanoTime();
		fake.openAll(user(bots, users), users, RATE, SECONDS, "/help");
		JsonNode run = fake.runAllWithin(Duration.ofSeconds(SECONDS + 60), jar::isAlive);
		double wallMs = (System.nanoTime() - started) / 1e6;
		long jarMs = jar.cpu().toMillis() - jarCpu;
		long databaseMs = databaseCpu(work) - databaseCpu;
		int replies = run.path("replies").asInt();
		double answered = run.path("repliesPerSecond").asDouble();
		result.put("offeredPerSecond", bots * RATE)
			.put("sentPerSecond", Math.round(run.path("sentPerSecond").asDouble()))
			.put("answeredPerSecond", Math.round(answered))
			.put("answeredRatio", Math.round(answered / run.path("sentPerSecond").asDouble() * 1000) / 1000.0)
			.put("expected", run.path("expected").asInt())
			.put("replies", replies)
			.put("p50Ms", round1(run.path("p50Ms").asDouble()))
			.put("p99Ms", round1(run.path("p99Ms").asDouble()))
			.put("maxMs", round1(run.path("maxMs").asDouble()))
			.put("worstBotP99Ms", round1(run.path("worstP99Ms").asDouble()))
			.put("worstBot", run.path("worstTarget").asInt())
			.put("fewestRepliesOfABot", run.path("fewestReplies").asInt())
			.put("jarCores", round2(jarMs / wallMs))
			.put("postgresCores", round2(databaseMs / wallMs))
			.put("fakeCores", round2((ProcessCpu.millis(fake.pid()) - fakeCpu) / wallMs))
			.put("cpuMsPer1000", replies == 0 ? 0 : Math.round((jarMs + databaseMs) * 1000.0 / replies));
		result.set("botP99Ms", run.path("targetP99Ms"));
	}

	/** The first of {@code perBot} users for each of {@code bots} bots, the users of bot {@code i} following. */
	private long user(int bots, int perBot) {
		long first = nextUser;
		nextUser += (long) bots * perBot;
		return first;
	}

	private static long databaseCpu(Path work) {
		return ProcessCpu.postmasterOf(work.resolve("data")).map(ProcessCpu::postgresMillis).orElse(0L);
	}

	private static double heapAfterGcMb(JarProcess jar) throws Exception {
		return mb(JvmMemory.heapAfterGcKb(jar.pid()));
	}

	private static double mb(long kb) {
		return round1(kb / 1024.0);
	}

	private static double round1(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static double round2(double value) {
		return Math.round(value * 100) / 100.0;
	}
}
