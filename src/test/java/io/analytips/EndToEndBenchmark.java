package io.analytips;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.concurrent.TimeUnit;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.support.BotUnderLoad;
import io.analytips.support.FakeBotApi;
import io.analytips.support.JarProcess;
import io.analytips.support.ReplicaJars;
import io.analytips.support.Scratch;
import io.analytips.support.TestClock;
import io.analytips.support.load.CpuPinning;
import io.analytips.support.load.FakeBotApiProcess;
import io.analytips.support.load.JvmCounters;
import io.analytips.support.load.PeerBot;
import io.analytips.support.load.ProcessCpu;
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar and the grammY peer ({@code src/test/peer}: grammY, its runner, rate limiter and
 * auto-retry, nothing kept on disk) side by side in one run, each polling its own fake Bot API in a
 * JVM of their own ({@link FakeBotApiProcess}), so both pay the same for the fake and neither shares
 * a JVM with the benchmark.
 * <p>
 * The jar runs as users run it: {@code java -jar}, its embedded PostgreSQL with every commit flushed
 * (the durable inbox), one access line per update, the global rate raised out of the way. Both bots
 * answer the first update, then a warm-up, then {@link #RUNS} bursts of {@link #UPDATES} updates
 * from {@link #USERS} new users ({@code /start} then {@code /help} each), the bots taking turns
 * (the first runs first in even rounds, second in odd ones) so the machine's drift favours neither.
 * A burst's rate is its size over the time from queueing it to its last reply; latency is each
 * update's time from being queued to its reply (in a burst, mostly waiting behind the others). CPU
 * per 1 000 updates is read from {@code /proc}: the bot's process, and for the jar its PostgreSQL
 * (postmaster and backends); for a jar also the bytes its JVM allocated and its GC pauses per update
 * ({@link JvmCounters}), which do not move with the machine's load. Then an open loop: {@link #OPEN_RATE} {@code /help} updates per second
 * for {@link #OPEN_SECONDS} s, each bot in turn, latency counted from when each update was due.
 * <p>
 * Writes {@code target/bench/e2e.json}; run with
 * {@code ./mvnw -Pbench -DskipTests -Djacoco.skip=true -Dtest=EndToEndBenchmark -Dsurefire.failIfNoSpecifiedTests=false verify}.
 * {@code -Dbench.e2e.updates}, {@code .users}, {@code .warmUp}, {@code .openSeconds} change the sizes;
 * {@code -Dbench.e2e.baselineJar} adds an older build, {@code -Dbench.e2e.baselineJvm} its JVM options;
 * {@code -Dbench.e2e.peer} picks the peer's script ({@link #PEER}).
 */
class EndToEndBenchmark {

	static final int UPDATES = Integer.getInteger("bench.e2e.updates", 50_000);

	static final int USERS = Integer.getInteger("bench.e2e.users", 25_000);

	/** The JIT needs about this many cheap updates before a jar's rate stops climbing (seen: 2 800 to 4 700 /s). */
	static final int WARM_UP = Integer.getInteger("bench.e2e.warmUp", 100_000);

	static final int RUNS = 3;

	static final int OPEN_RATE = Integer.getInteger("bench.e2e.openRate", 1_000);

	static final int OPEN_SECONDS = Integer.getInteger("bench.e2e.openSeconds", 60);

	/**
	 * The peer's script: the shared one ({@link PeerBot#STOCK}, one-line replies) unless
	 * {@code -Dbench.e2e.peer=grammy-bot-same-replies.mjs} ({@link PeerBot#SAME_REPLIES}: Analytips' own messages).
	 */
	static final String PEER = System.getProperty("bench.e2e.peer", PeerBot.STOCK);

	private static final String TEXTS = "/start,/help";

	/** A bot under test: its name and what its processes have used so far. */
	private record Contender(String name, int fake, LongSupplier cpuMillis, LongSupplier databaseCpuMillis,
			Optional<Path> database, Optional<JvmCounters> jvm) {
	}

	private final SimulatorServer football = SimulatorServer.start(ApiFootballSimulator.bundled(TestClock.running()),
			"127.0.0.1", 0);

	private long nextUser = 1_000_000_000L;

	@Test
	@Timeout(value = 60, unit = TimeUnit.MINUTES)
	void packagedJarAgainstGrammYSideBySide() throws Exception {
		// -Dbench.e2e.baselineJar=/path/to/an/older/analytips.jar adds that build, measured in the same run
		String baselineJar = System.getProperty("bench.e2e.baselineJar");
		int fakeCount = baselineJar == null ? 2 : 3;
		List<AutoCloseable> processes = new ArrayList<>();
		try (FakeBotApiProcess fakes = FakeBotApiProcess.start(fakeCount)) {
			List<Contender> bots = new ArrayList<>();
			List<JarProcess> jars = new ArrayList<>();
			Path work = Scratch.directory("analytips-e2e");
			// this build as shipped: the default buffer, a burst waiting at Telegram for room
			Map<String, String> own = environment(BotUnderLoad.asUsersRunIt(fakes.url(0), football));
			int ownPort = ReplicaJars.freePort();
			own.put("SERVER_PORT", String.valueOf(ownPort));
			// -Dbench.e2e.analytipsEnv=LOG_UPDATES=false,... changes the measured jar's settings (and not the
			// baseline's): with the same jar as baseline, it measures what a setting costs
			putSettings(own, System.getProperty("bench.e2e.analytipsEnv", ""));
			// -Dbench.e2e.ownJvmExtra="-XX:..." appends JVM options after the shipped ones (JAVA_TOOL_OPTIONS cannot
			// change what the command line sets)
			String extra = System.getProperty("bench.e2e.ownJvmExtra");
			List<String> ownJvm = new ArrayList<>(JarProcess.SHIPPED_JVM_OPTIONS);
			if (extra != null) {
				ownJvm.addAll(List.of(extra.trim().split("\\s+")));
			}
			JarProcess jar = extra == null ? JarProcess.start(own, work)
					: JarProcess.start(Path.of("target", "analytips.jar"), ownJvm, own, work);
			jars.add(jar);
			bots.add(jarContender("analytips", 0, jar, work, ownPort));
			PeerBot grammy = PeerBot.start(PEER, fakes.url(1), FakeBotApi.TOKEN);
			processes.add(grammy);
			bots.add(new Contender("grammy", 1, () -> ProcessCpu.millis(grammy.pid()), () -> 0L, Optional.empty(),
					Optional.empty()));
			if (baselineJar != null) {
				Path baselineWork = Scratch.directory("analytips-e2e-baseline");
				// an older build refuses what its buffer cannot hold: it gets one that holds a whole burst
				Map<String, String> baselineEnvironment = environment(
						BotUnderLoad.asUsersRunIt(fakes.url(2), football, Math.max(10_000, UPDATES + 1_000)));
				// -Dbench.e2e.baselineEnv=BOT_QUEUE_CAPACITY=1000,... changes the baseline's settings (the same jar as
				// baseline then compares two settings)
				putSettings(baselineEnvironment, System.getProperty("bench.e2e.baselineEnv", ""));
				int baselinePort = ReplicaJars.freePort();
				baselineEnvironment.put("SERVER_PORT", String.valueOf(baselinePort));
				// -Dbench.e2e.baselineJvm="-XX:+UseG1GC -Xmx512m" runs the baseline with these JVM options instead of
				// the shipped ones (with this build as baseline: what the shipped options cost)
				String baselineJvm = System.getProperty("bench.e2e.baselineJvm");
				JarProcess baseline = baselineJvm == null
						? JarProcess.start(Path.of(baselineJar), baselineEnvironment, baselineWork)
						: JarProcess.start(Path.of(baselineJar), List.of(baselineJvm.trim().split("\\s+")), baselineEnvironment,
								baselineWork);
				jars.add(baseline);
				bots.add(jarContender("baseline", 2, baseline, baselineWork, baselinePort));
			}
			Map<String, ObjectNode> results = new java.util.LinkedHashMap<>();
			try {
				for (Contender bot : bots) {
					burst(fakes, bot, 1, 1, "/help", Duration.ofMinutes(3));
					// up and answering: its PostgreSQL (which inherited the jar's cores) goes to the other cores
					bot.database().ifPresent(data -> ProcessCpu.postmasterOf(data).ifPresent(CpuPinning::moveToOthersUnchecked));
					for (int done = 0; done < WARM_UP; done += UPDATES) {
						burst(fakes, bot, USERS, Math.min(UPDATES, WARM_UP - done), TEXTS, Duration.ofMinutes(5));
					}
					results.put(bot.name(), TelegramJson.mapper().createObjectNode());
				}
				Map<String, List<JsonNode>> runs = new HashMap<>();
				for (int round = 0; round < RUNS; round++) {
					for (int i = 0; i < bots.size(); i++) {
						Contender bot = bots.get(round % 2 == 0 ? i : bots.size() - 1 - i);
						JsonNode run = measured(fakes, bot);
						if (!"grammy".equals(bot.name())) {
							assertThat(run.path("refused").asInt()).as(bot.name() + ": overload notices in a burst").isZero();
						}
						runs.computeIfAbsent(bot.name(), name -> new ArrayList<>()).add(run);
						System.out.println("BENCH " + bot.name() + " burst " + run);
					}
				}
				for (Contender bot : bots) {
					JsonNode open = OPEN_SECONDS == 0 ? TelegramJson.mapper().createObjectNode() : openLoop(fakes, bot);
					System.out.println("BENCH " + bot.name() + " open loop " + open);
					EndToEndReport.summarise(results.get(bot.name()), runs.get(bot.name()), open);
				}
			}
			catch (AssertionError | RuntimeException ex) {
				for (JarProcess each : jars) {
					System.out.println("jar output:\n" + each.tail(60));
				}
				System.out.println("grammY output:\n" + grammy.output());
				throw ex;
			}
			finally {
				jars.forEach(JarProcess::terminate);
				grammy.stop(Duration.ofSeconds(20));
				for (JarProcess each : jars) {
					each.waitForExit(Duration.ofSeconds(60));
					each.close();
				}
			}
			EndToEndReport.write(results);
		}
		finally {
			for (AutoCloseable process : processes) {
				process.close();
			}
			football.close();
		}
	}

	private static Contender jarContender(String name, int fake, JarProcess jar, Path work, int port) {
		Path data = work.resolve("data");
		return new Contender(name, fake, () -> jar.cpu().toMillis(),
				() -> ProcessCpu.postmasterOf(data).map(ProcessCpu::postgresMillis).orElse(0L), Optional.of(data),
				Optional.of(new JvmCounters(port)));
	}

	/** Puts each {@code NAME=value} of a comma-separated list into {@code environment}. */
	private static void putSettings(Map<String, String> environment, String settings) {
		for (String setting : settings.split(",")) {
			if (setting.contains("=")) {
				environment.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
			}
		}
	}

	private static Map<String, String> environment(Map<String, String> environment) {
		// e.g. -Dbench.e2e.javaToolOptions=-XX:StartFlightRecording=filename=target/bench/jar.jfr to profile the jar
		String options = System.getProperty("bench.e2e.javaToolOptions");
		if (options != null) {
			environment.put("JAVA_TOOL_OPTIONS", options);
		}
		return environment;
	}

	/** A burst with the CPU each process used for it. */
	private JsonNode measured(FakeBotApiProcess fakes, Contender bot) throws InterruptedException {
		long cpu = bot.cpuMillis().getAsLong();
		long database = bot.databaseCpuMillis().getAsLong();
		long fake = ProcessCpu.millis(fakes.pid());
		Optional<JvmCounters.Reading> before = bot.jvm().map(JvmCounters::read);
		ObjectNode run = (ObjectNode) burst(fakes, bot, USERS, UPDATES, TEXTS, Duration.ofMinutes(10));
		run.put("cpuMsPer1000", (bot.cpuMillis().getAsLong() - cpu) * 1000.0 / UPDATES);
		run.put("databaseCpuMsPer1000", (bot.databaseCpuMillis().getAsLong() - database) * 1000.0 / UPDATES);
		run.put("fakeCpuMsPer1000", (ProcessCpu.millis(fakes.pid()) - fake) * 1000.0 / UPDATES);
		before.ifPresent(start -> {
			JvmCounters.Reading end = bot.jvm().orElseThrow().read();
			// allocation is counted at each young collection, so a burst's figure is within one young generation
			run.put("allocatedKbPerUpdate", (end.allocatedBytes() - start.allocatedBytes()) / 1024 / UPDATES);
			run.put("gcPauseMsPer1000", (end.gcPauseSeconds() - start.gcPauseSeconds()) * 1000 * 1000 / UPDATES);
		});
		return run;
	}

	private JsonNode burst(FakeBotApiProcess fakes, Contender bot, int users, int count, String texts,
			Duration timeout) throws InterruptedException {
		fakes.burst(bot.fake(), nextUser, users, count, texts);
		nextUser += users;
		return fakes.awaitRun(bot.fake(), timeout);
	}

	private JsonNode openLoop(FakeBotApiProcess fakes, Contender bot) throws InterruptedException {
		int count = OPEN_RATE * OPEN_SECONDS;
		long cpu = bot.cpuMillis().getAsLong();
		long database = bot.databaseCpuMillis().getAsLong();
		fakes.open(bot.fake(), nextUser, count, count, "/help", OPEN_RATE);
		nextUser += count;
		ObjectNode run = (ObjectNode) fakes.awaitRun(bot.fake(), Duration.ofSeconds(OPEN_SECONDS + 300));
		run.put("rate", OPEN_RATE);
		run.put("cpuMsPer1000", (bot.cpuMillis().getAsLong() - cpu) * 1000.0 / count);
		run.put("databaseCpuMsPer1000", (bot.databaseCpuMillis().getAsLong() - database) * 1000.0 / count);
		return run;
	}
}
