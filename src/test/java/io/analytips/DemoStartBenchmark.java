package io.analytips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.analytips.support.DemoTerminal;
import io.analytips.support.JarProcess;
import io.analytips.support.Samples;
import io.analytips.support.Scratch;
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The terminal demo's start as a newcomer meets it: launched twice in one new folder, the time from launch to its
 * first prompt ({@code › }, seen within 50 ms) each time, and from the second start's log how much of it was the JVM
 * before Spring ("process running for" minus "Started … in") and how much Spring's start (the embedded database,
 * the checks, the context). Two launchers, alternated: {@code java -jar target/analytips.jar --demo} with no option,
 * and {@code bin/analytips --demo} (class-data sharing from its first run, the JIT's quick tier), whose archive is
 * deleted before each round so that every round starts as a fresh checkout does. Asserts that the median second
 * start through {@code bin/analytips} reaches its prompt within {@code -Dbench.demo.maxSecondStartMs} (5 000).
 * <p>
 * Writes {@code target/bench/demo-start.json}; run with
 * {@code ./mvnw -Pbench -DskipTests -Djacoco.skip=true -Dtest=DemoStartBenchmark -Dsurefire.failIfNoSpecifiedTests=false verify}
 * ({@code -Dbench.demo.rounds=} rounds, 3 by default).
 */
class DemoStartBenchmark {

	private static final int ROUNDS = Integer.getInteger("bench.demo.rounds", 3);

	private static final Path ROOT = Path.of("").toAbsolutePath();

	private static final Pattern STARTED = Pattern
		.compile("Started AnalytipsApplication in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)");

	private record Launcher(String name, List<String> command) {
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.MINUTES)
	void theSecondStartReachesItsPromptWithinFiveSeconds() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<Launcher> launchers = List.of(
				new Launcher("java -jar", List.of(java, "-jar", ROOT.resolve("target/analytips.jar").toString(), "--demo")),
				new Launcher("bin/analytips", List.of(ROOT.resolve("bin/analytips").toString(), "--demo")));
		ObjectNode report = TelegramJson.mapper().createObjectNode().put("rounds", ROUNDS);
		Map<String, ArrayNode> runs = new HashMap<>();
		for (int round = 0; round < ROUNDS; round++) {
			deleteTree(ROOT.resolve("target/analytips-cds"));
			List<Launcher> order = new ArrayList<>(launchers);
			if (round % 2 == 1) {
				Collections.reverse(order);
			}
			for (Launcher launcher : order) {
				ObjectNode run = runs.computeIfAbsent(launcher.name(), name -> report.putArray(name)).addObject();
				Path folder = Scratch.directory("analytips-demo-start");
				run.put("firstMs", promptMs(launcher, folder));
				run.put("secondMs", promptMs(launcher, folder));
				Matcher started = STARTED.matcher(lastStarted(folder));
				assertThat(started.find()).isTrue();
				double spring = Double.parseDouble(started.group(1));
				double process = Double.parseDouble(started.group(2));
				run.put("secondJvmBeforeSpringMs", Math.round((process - spring) * 1000))
					.put("secondSpringMs", Math.round(spring * 1000));
				System.out.println("BENCH demo-start " + launcher.name() + " " + run);
			}
		}
		ObjectNode medians = report.putObject("median");
		runs.forEach((name, array) -> {
			ObjectNode median = medians.putObject(name);
			for (String field : List.of("firstMs", "secondMs", "secondJvmBeforeSpringMs", "secondSpringMs")) {
				double[] values = new double[array.size()];
				for (int i = 0; i < values.length; i++) {
					values[i] = array.get(i).path(field).asDouble();
				}
				median.put(field, Math.round(Samples.median(values)));
			}
		});
		System.out.println("BENCH demo-start " + report);
		Files.createDirectories(ROOT.resolve("target/bench"));
		Files.writeString(ROOT.resolve("target/bench/demo-start.json"),
				TelegramJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
		assertThat(medians.path("bin/analytips").path("secondMs").asLong()).as("bin/analytips' second start, ms")
			.isLessThanOrEqualTo(Long.getLong("bench.demo.maxSecondStartMs", 5_000));
	}

	/** Launches the demo in {@code folder}, waits for its first prompt, then quits it; returns launch to prompt in ms. */
	private static long promptMs(Launcher launcher, Path folder) throws InterruptedException {
		Map<String, String> environment = Map.of("DEMO_DATE", "2026-07-20", "DEMO_LANGUAGE", "en", "JAVA_HOME",
				System.getProperty("java.home"));
		JarProcess process = JarProcess.startCommand(launcher.command(), environment, folder);
		try (DemoTerminal demo = DemoTerminal.attach(process, "en")) {
			long ms = process.sinceLaunch().toMillis();
			assertThat(demo.quit()).isZero();
			return ms;
		}
	}

	/** The last "Started AnalytipsApplication" line of the demo's log in {@code folder}. */
	private static String lastStarted(Path folder) throws IOException {
		List<String> lines = Files.readAllLines(folder.resolve("data/demo/analytips-demo.log"));
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (lines.get(i).contains("Started AnalytipsApplication")) {
				return lines.get(i);
			}
		}
		throw new AssertionError("no start in the demo's log");
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
