package io.analytips;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.analytips.support.DemoTerminal;
import io.analytips.support.JarProcess;
import io.analytips.support.Scratch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/analytips --demo}, the README's command, run twice in one folder as a newcomer runs it: the first run
 * extracts the jar and leaves a class-data archive beside it, the second maps that archive, and both answer as
 * {@code java -jar} does. (Its speed is {@code DemoStartBenchmark}'s.)
 */
class LauncherScriptIT {

	private static final Path ROOT = Path.of("").toAbsolutePath();

	private static final Path ARCHIVE = ROOT.resolve("target/analytips-cds/analytips.jsa");

	@Test
	@Timeout(300)
	void theSecondRunMapsTheArchiveTheFirstLeftAndBothAnswer() throws Exception {
		deleteTree(ARCHIVE.getParent());
		Path folder = Scratch.directory("analytips-launcher");
		assertThat(run(folder)).as("the first run maps no archive").isFalse();
		assertThat(ARCHIVE).isRegularFile();
		assertThat(ARCHIVE.resolveSibling("analytips.jar")).isRegularFile();
		assertThat(run(folder)).as("the second run maps the archive").isTrue();
	}

	/** Starts the demo through the script, answers /start, quits; returns whether the JVM mapped the archive. */
	private static boolean run(Path folder) throws Exception {
		JarProcess process = JarProcess.startCommand(List.of(ROOT.resolve("bin/analytips").toString(), "--demo"),
				Map.of("DEMO_DATE", "2026-07-20", "DEMO_LANGUAGE", "en", "JAVA_HOME", System.getProperty("java.home")),
				folder);
		try (DemoTerminal demo = DemoTerminal.attach(process, "en")) {
			// The script execs the JVM when there is an archive, so the pid is the JVM's then.
			boolean mapped = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "maps"))
				.contains(ARCHIVE.toString());
			assertThat(demo.type("/start").buttons()).isNotEmpty();
			assertThat(demo.quit()).isZero();
			return mapped;
		}
	}

	private static void deleteTree(Path root) throws Exception {
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
