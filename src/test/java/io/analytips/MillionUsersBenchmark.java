package io.analytips;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.support.BotUnderLoad;
import io.analytips.support.JarProcess;
import io.analytips.support.Samples;
import io.analytips.support.Scratch;
import io.analytips.support.TestClock;
import io.analytips.support.load.FakeBotApiProcess;
import io.analytips.support.load.JvmMemory;
import io.analytips.support.load.ProcessCpu;
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory with {@link #USERS} distinct users: the packaged jar, run with the JVM options the project ships
 * ({@code @deploy/jvm.options}, {@code MALLOC_ARENA_MAX=2}, {@code -XX:MaxRAM=512m} standing in for the shipped
 * 512 MB container or unit limit: {@link JarProcess#SHIPPED_JVM_OPTIONS}) and its own embedded durable PostgreSQL,
 * answers one {@code /help} from each, sent as fast as it answers with never more than {@link #WINDOW} unanswered
 * (so nothing waits long and nothing is refused). After every quarter, a full GC ({@code jcmd GC.run}) and the heap
 * in use after it (G1's or Serial's); at the end, peak RSS ({@code VmHWM}, the JVM's process alone), the code cache
 * and metaspace in use, the embedded PostgreSQL's memory (PSS, its processes together), and the biggest classes of the heap histogram. Asserts that the median peak RSS is at most
 * {@code -Dbench.memory.maxPeakRssMb} (400).
 * <p>
 * {@code -Dbench.memory.baselineJar=/path/to/old/analytips.jar} measures an older build in the same run, before the
 * current one each time, with {@code -Dbench.memory.baselineJvm} (default {@code -Xmx512m}: how builds before
 * deploy/jvm.options were measured; space-separated); {@code -Dbench.memory.runs=3} repeats the pair (medians in the
 * report); {@code -Dbench.memory.jvm=} adds options to the measured jar (e.g.
 * {@code -XX:NativeMemoryTracking=summary}, whose summary then goes into the report).
 * <p>
 * Writes {@code target/bench/memory.json}; run with
 * {@code ./mvnw -Pbench -DskipTests -Djacoco.skip=true -Dtest=MillionUsersBenchmark -Dsurefire.failIfNoSpecifiedTests=false verify}
 * ({@code -Dbench.memory.users=} for another count).
 */
class MillionUsersBenchmark {

	static final int USERS = Integer.getInteger("bench.memory.users", 1_000_000);

	static final int WINDOW = 5_000;

	private static final int RUNS = Integer.getInteger("bench.memory.runs", 1);

	private static final Path OUT = Path.of("target", "bench");

	@Test
	@Timeout(value = 180, unit = TimeUnit.MINUTES)
	void peakRssStaysWithinTheShippedLimitWithAMillionDistinctUsers() throws Exception {
		ObjectNode report = TelegramJson.mapper().createObjectNode();
		report.put("users", USERS).put("window", WINDOW).put("runs", RUNS);
		String baselineJar = System.getProperty("bench.memory.baselineJar", "");
		List<String> measuredOptions = new ArrayList<>(JarProcess.SHIPPED_JVM_OPTIONS);
		measuredOptions.addAll(options(System.getProperty("bench.memory.jvm", "")));
		List<String> baselineOptions = options(System.getProperty("bench.memory.baselineJvm", "-Xmx512m"));
		ArrayNode measured = report.putArray("measured");
		ArrayNode baseline = report.putArray("baseline");
		for (int run = 0; run < RUNS; run++) {
			if (!baselineJar.isEmpty()) {
				baseline.add(measure(Path.of(baselineJar), baselineOptions));
			}
			measured.add(measure(Path.of("target", "analytips.jar"), measuredOptions));
			write(report);
		}
		report.set("median", medians(measured));
		if (!baselineJar.isEmpty()) {
			report.set("baselineMedian", medians(baseline));
		}
		System.out.println("BENCH memory " + report);
		write(report);
		long limit = Long.getLong("bench.memory.maxPeakRssMb", 400);
		assertThat(report.path("median").path("peakRssMb").asLong()).as("median peak RSS, MB").isLessThanOrEqualTo(limit);
	}

	/** One jar with these JVM options through a million users: its quarters, peak RSS and what filled it. */
	private static ObjectNode measure(Path jarFile, List<String> jvmOptions) throws Exception {
		ObjectNode result = TelegramJson.mapper().createObjectNode();
		result.put("jar", jarFile.toAbsolutePath().toString()).put("jvm", String.join(" ", jvmOptions));
		ArrayNode quarters = result.putArray("quarters");
		Path work = Scratch.directory("analytips-memory");
		try (SimulatorServer football = SimulatorServer.start(ApiFootballSimulator.bundled(TestClock.running()),
				"127.0.0.1", 0);
				FakeBotApiProcess fakes = FakeBotApiProcess.start(1);
				JarProcess jar = JarProcess.start(jarFile, jvmOptions,
						BotUnderLoad.asUsersRunIt(fakes.url(0), football, 10_000), work)) {
			try {
				fakes.burst(0, 1, 1, 1, "/help");
				fakes.awaitRun(0, Duration.ofMinutes(3));
				quarters.addObject().put("users", 0).put("heapAfterGcMb", heapAfterGcMb(jar));
				long first = 10_000_000L;
				int quarter = USERS / 4;
				for (int q = 0; q < 4; q++) {
					long started = System.nanoTime();
					fakes.window(0, first + (long) q * quarter, quarter, quarter, "/help", WINDOW);
					JsonNode run = fakes.awaitRun(0, Duration.ofMinutes(30));
					ObjectNode point = quarters.addObject()
						.put("users", (q + 1) * quarter)
						.put("rssMb", JvmMemory.status(jar.pid(), "VmRSS") / 1024)
						.put("heapAfterGcMb", heapAfterGcMb(jar))
						.put("repliesPerSecond", Math.round(quarter / ((System.nanoTime() - started) / 1e9)))
						.put("p99Ms", run.path("p99Ms").asDouble());
					System.out.println("BENCH memory " + jarFile + " " + point);
				}
				result.put("peakRssMb", JvmMemory.status(jar.pid(), "VmHWM") / 1024);
				result.put("threads", JvmMemory.status(jar.pid(), "Threads"));
				// What shares a systemd unit's MemoryMax with the JVM when DATABASE_URL is unset.
				result.put("embeddedPostgresPssMb", ProcessCpu.postmasterOf(work.resolve("data"))
					.map(postmaster -> JvmMemory.pssKb(postmaster) / 1024)
					.orElse(-1L));
				result.put("heapInfo", JvmMemory.jcmd(jar.pid(), "GC.heap_info"));
				result.put("codeCache", JvmMemory.jcmd(jar.pid(), "Compiler.codecache").lines().limit(4)
					.reduce("", (a, b) -> a + b + "\n"));
				if (jvmOptions.stream().anyMatch(option -> option.startsWith("-XX:NativeMemoryTracking"))) {
					result.put("nativeMemory", JvmMemory.jcmd(jar.pid(), "VM.native_memory summary"));
				}
				result.put("histogramTop", JvmMemory.jcmd(jar.pid(), "GC.class_histogram").lines().limit(15)
					.map(String::strip).reduce("", (a, b) -> a + b + "\n"));
			}
			catch (AssertionError | RuntimeException ex) {
				System.out.println("jar output:\n" + jar.tail(60));
				throw ex;
			}
			finally {
				jar.terminate();
				jar.waitForExit(Duration.ofSeconds(60));
			}
		}
		System.out.println("BENCH memory " + jarFile + " peakRssMb " + result.path("peakRssMb"));
		return result;
	}

	/** The medians over runs: peak RSS, the last quarter's heap after GC, RSS and replies/s. */
	private static ObjectNode medians(ArrayNode runs) {
		ObjectNode median = TelegramJson.mapper().createObjectNode();
		median.put("peakRssMb", Math.round(Samples.median(values(runs, run -> run.path("peakRssMb")))));
		median.put("heapAfterGcMb", Math.round(Samples.median(values(runs, run -> last(run).path("heapAfterGcMb")))));
		median.put("rssMb", Math.round(Samples.median(values(runs, run -> last(run).path("rssMb")))));
		median.put("repliesPerSecond",
				Math.round(Samples.median(values(runs, run -> last(run).path("repliesPerSecond")))));
		return median;
	}

	private static JsonNode last(JsonNode run) {
		JsonNode quarters = run.path("quarters");
		return quarters.get(quarters.size() - 1);
	}

	private static double[] values(ArrayNode runs, java.util.function.Function<JsonNode, JsonNode> field) {
		double[] values = new double[runs.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = field.apply(runs.get(i)).asDouble();
		}
		return values;
	}

	private static long heapAfterGcMb(JarProcess jar) throws Exception {
		return JvmMemory.heapAfterGcKb(jar.pid()) / 1024;
	}

	private static List<String> options(String spaceSeparated) {
		return Arrays.stream(spaceSeparated.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
	}

	private static void write(ObjectNode report) throws Exception {
		Files.createDirectories(OUT);
		Files.writeString(OUT.resolve("memory.json"),
				TelegramJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
	}
}
