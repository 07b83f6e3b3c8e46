package io.analytips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.analytips.support.JarProcess;
import io.analytips.support.Scratch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar's command line as a person meets it: help, version, a typo, and a first start with
 * nothing configured, each answered at once and without starting Spring or a database. Times run from just
 * before the launch to the exit; each is the median of a few launches, since this JVM's machine may be
 * busy with other builds.
 */
class CommandLineProcessIT {

	private static final Duration AT_ONCE = Duration.ofSeconds(2);

	private static final int LAUNCHES = 5;

	/** A run of the jar: its exit code, output and launch-to-exit time. */
	private record Run(int exitCode, List<String> output, Duration launchToExit, Path workingDirectory) {
	}

	private static Run run(Map<String, String> environment, String... arguments) throws Exception {
		Path workingDirectory = Scratch.directory("analytips-cli");
		try (JarProcess app = JarProcess.startInEmptyEnvironment(environment, workingDirectory, List.of(arguments))) {
			int exitCode = app.waitForExit(Duration.ofSeconds(30));
			return new Run(exitCode, app.output(), app.launchToExit(), workingDirectory);
		}
	}

	/** {@code launches} runs; asserts each with {@code check} and returns the median time. */
	private static Duration medianOf(int launches, Map<String, String> environment, java.util.function.Consumer<Run> check,
			String... arguments) throws Exception {
		List<Duration> times = new ArrayList<>();
		for (int i = 0; i < launches; i++) {
			Run run = run(environment, arguments);
			check.accept(run);
			times.add(run.launchToExit());
		}
		List<Duration> sorted = times.stream().sorted().toList();
		Duration median = sorted.get(sorted.size() / 2);
		System.out.printf("%s %s: launch to exit %s, median %d ms%n", environment, List.of(arguments),
				times.stream().map(time -> time.toMillis() + " ms").toList(), median.toMillis());
		return median;
	}

	private static void startedNothing(Run run) {
		assertThat(run.output()).noneMatch(line -> line.contains("Embedded PostgreSQL") || line.contains("Error starting")
				|| line.contains("Starting AnalytipsApplication") || line.contains("Exception") || line.contains("\tat "));
		try (Stream<Path> files = Files.list(run.workingDirectory())) {
			// only the file the output went to
			assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.equals("data"));
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	@Test
	void withNothingConfiguredExitsOneWithinTwoSecondsWithOneLinePerMissingVariable() throws Exception {
		Duration median = medianOf(LAUNCHES, Map.of(), run -> {
			assertThat(run.exitCode()).isEqualTo(1);
			assertThat(run.output()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{")
				.contains("\"level\":\"ERROR\"", "\"logger_name\":\"io.analytips.startup\""));
			assertThat(run.output().get(0)).contains("TELEGRAM_BOT_TOKEN is not set: the bot's token, from @BotFather");
			assertThat(run.output().get(1)).contains("API_FOOTBALL_KEY is not set: your API-Football key, from"
					+ " https://dashboard.api-football.com (or run --demo, which needs none)");
			startedNothing(run);
		});
		assertThat(median).isLessThan(AT_ONCE);
	}

	@Test
	void withLogFormatTextSaysTheSameInPlainLines() throws Exception {
		Run run = run(Map.of("LOG_FORMAT", "text", "TELEGRAM_BOT_TOKEN", "123:abc"));
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).first().asString()
			.startsWith("API_FOOTBALL_KEY is not set: your API-Football key, from https://dashboard.api-football.com");
		assertThat(run.output()).noneMatch(line -> line.startsWith("{") || line.contains("TELEGRAM_BOT_TOKEN"));
		startedNothing(run);
	}

	@Test
	void helpListsEveryModeAndExitsZeroAtOnce() throws Exception {
		Duration median = medianOf(3, Map.of(), run -> {
			assertThat(run.exitCode()).isZero();
			assertThat(String.join("\n", run.output())).contains("--demo", "--simulator", "backtest --league", "audit-verify",
					"--version", "TELEGRAM_BOT_TOKEN", "docs/configuration.md");
			startedNothing(run);
		}, "--help");
		assertThat(median).isLessThan(AT_ONCE);
		assertThat(run(Map.of(), "-h").output()).contains("Modes:");
	}

	@Test
	void versionNamesTheBuildAndExitsZeroAtOnce() throws Exception {
		Duration median = medianOf(3, Map.of(), run -> {
			assertThat(run.exitCode()).isZero();
			assertThat(run.output()).singleElement().asString()
				.matches("analytips \\S+ \\(commit ([0-9a-f]{7,}(-dirty)?|unknown), built \\S+\\)");
			startedNothing(run);
		}, "--version");
		assertThat(median).isLessThan(AT_ONCE);
	}

	@Test
	void backtestHelpPrintsItsOptionsAndExitsZero() throws Exception {
		Run run = run(Map.of(), "backtest", "--help");
		assertThat(run.exitCode()).isZero();
		assertThat(String.join("\n", run.output())).contains("usage: backtest", "--league E0|BRA", "--from YEAR", "--to YEAR",
				"--out DIR", "--xi PER_DAY", "--window DAYS", "--prior MATCHES", "--newcomer-prior", "--market-weight");
		startedNothing(run);
	}

	@Test
	void aTypoExitsTwoWithOneLinePointingAtTheHelp() throws Exception {
		Run run = run(Map.of(), "--hepl");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.output()).containsExactly("analytips: unknown option --hepl; see --help");
		startedNothing(run);
	}
}
