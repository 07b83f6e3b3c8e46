package io.analytips;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.support.BotUnderLoad;
import io.analytips.support.JarProcess;
import io.analytips.support.TestClock;
import io.analytips.support.load.FakeBotApiProcess;
import io.analytips.support.load.JvmMemory;
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Memory with {@link #USERS} distinct users: the packaged jar (as users run it, {@code -Xmx512m},
 * embedded durable PostgreSQL) answers one {@code /help} from each, sent as fast as it answers with
 * never more than {@link #WINDOW} unanswered (so nothing waits long and nothing is refused). After
 * every quarter, a full GC ({@code jcmd GC.run}) and the heap in use after it; at the end, peak RSS
 * ({@code VmHWM}) and the biggest classes of the heap histogram.
 * <p>
 * Writes {@code target/bench/memory.json}; run with
 * {@code ./mvnw -Pbench -DskipTests -Djacoco.skip=true -Dtest=MillionUsersBenchmark -Dsurefire.failIfNoSpecifiedTests=false verify}
 * ({@code -Dbench.memory.users=} for another count).
 */
class MillionUsersBenchmark {

	static final int USERS = Integer.getInteger("bench.memory.users", 1_000_000);

	static final int WINDOW = 5_000;

	private static final Path OUT = Path.of("target", "bench");

	private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap\\s+total (\\d+)K, used (\\d+)K");

	@Test
	@Timeout(value = 60, unit = TimeUnit.MINUTES)
	void heapAfterGcStaysFlatWithAMillionDistinctUsers() throws Exception {
		ObjectNode report = TelegramJson.mapper().createObjectNode();
		report.put("users", USERS).put("window", WINDOW).put("xmx", "512m");
		ArrayNode quarters = report.putArray("quarters");
		try (SimulatorServer football = SimulatorServer.start(ApiFootballSimulator.bundled(TestClock.running()),
				"127.0.0.1", 0);
				FakeBotApiProcess fakes = FakeBotApiProcess.start(1);
				JarProcess jar = JarProcess.start(BotUnderLoad.asUsersRunIt(fakes.url(0), football, 10_000),
						Files.createTempDirectory("analytips-memory"))) {
			try {
				fakes.burst(0, 1, 1, 1, "/help");
				fakes.awaitRun(0, Duration.ofMinutes(3));
				ObjectNode start = quarters.addObject().put("users", 0).put("heapAfterGcMb", heapAfterGc(jar.pid()));
				System.out.println("BENCH memory " + start);
				long first = 10_000_000L;
				int quarter = USERS / 4;
				for (int q = 0; q < 4; q++) {
					long started = System.nanoTime();
					fakes.window(0, first + (long) q * quarter, quarter, quarter, "/help", WINDOW);
					JsonNode run = fakes.awaitRun(0, Duration.ofMinutes(30));
					ObjectNode point = quarters.addObject()
						.put("users", (q + 1) * quarter)
						.put("heapAfterGcMb", heapAfterGc(jar.pid()))
						.put("rssMb", JvmMemory.status(jar.pid(), "VmRSS") / 1024)
						.put("repliesPerSecond", Math.round(quarter / ((System.nanoTime() - started) / 1e9)))
						.put("p99Ms", run.path("p99Ms").asDouble());
					System.out.println("BENCH memory " + point);
				}
				report.put("peakRssMb", JvmMemory.status(jar.pid(), "VmHWM") / 1024);
				report.put("histogramTop", histogram(jar.pid(), 12));
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
		System.out.println("BENCH memory " + report);
		Files.createDirectories(OUT);
		Files.writeString(OUT.resolve("memory.json"),
				TelegramJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
	}

	/** Runs a full GC in the jar and returns the heap in use after it, in MB. */
	private static long heapAfterGc(long pid) throws IOException, InterruptedException {
		jcmd(pid, "GC.run");
		Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
		if (!used.find()) {
			throw new IllegalStateException("no heap figure from jcmd GC.heap_info");
		}
		return Long.parseLong(used.group(2)) / 1024;
	}

	private static String histogram(long pid, int lines) throws IOException, InterruptedException {
		String[] all = jcmd(pid, "GC.class_histogram").split("\n");
		StringBuilder top = new StringBuilder();
		for (int i = 0; i < Math.min(all.length, lines + 3); i++) {
			top.append(all[i].strip()).append('\n');
		}
		return top.toString();
	}

	private static String jcmd(long pid, String command) throws IOException, InterruptedException {
		Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
		Process process = new ProcessBuilder(java.resolveSibling("jcmd").toString(), String.valueOf(pid), command)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output;
	}
}
