package io.analytips;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.support.FakeBotApi;
import io.analytips.support.JarProcess;
import io.analytips.support.Scratch;
import io.analytips.support.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as an operator meets a start that fails: the reason first, in one line naming the variable,
 * without Spring's banner or "re-run with debug"; exit code 1; and no database folder left behind by the start,
 * whether it stopped on a setting (before Spring), a rejected token (before the embedded database) or later.
 */
class StartupFailureProcessIT {

	/** API-Football for the children that get as far as checking it: the simulator, served from this JVM. */
	private static final SimulatorServer football = SimulatorServer.start(
			ApiFootballSimulator.bundled(TestClock.running()), "127.0.0.1", 0);

	private static final Duration EXIT = Duration.ofSeconds(90);

	private static JarProcess start(Path folder, Map<String, String> environment, String... arguments) {
		JarProcess app = JarProcess.startSeparatingErrors(environment, folder, List.of(arguments));
		app.closeInput();
		return app;
	}

	/** What the start left in its (empty) working folder besides the files the test reads its output from. */
	private static List<String> leftIn(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(file -> file.getFileName().toString())
				.filter(name -> !name.matches("(output|errors).*\\.log"))
				.toList();
		}
	}

	private static Map<String, String> required() {
		return new HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN, "API_FOOTBALL_KEY", ApiFootballSimulator.KEY,
				"LOG_FORMAT", "text"));
	}

	@Test
	void aTakenPortInTheTerminalDemoIsOneLineOnStandardErrorTooAndLeavesNoDatabase() throws Exception {
		Path folder = Scratch.directory("analytips-start");
		try (ServerSocket taken = new ServerSocket(0);
				JarProcess demo = start(folder, Map.of("DEMO_DATE", "2026-11-29", "SERVER_PORT",
						Integer.toString(taken.getLocalPort())), "--demo")) {
			assertThat(demo.waitForExit(EXIT)).isEqualTo(1);
			assertThat(demo.errors()).containsExactly("SERVER_PORT is invalid: port " + taken.getLocalPort()
					+ " is already in use by another process (set another, or 0 for any free one)");
			assertThat(demo.output()).as("no goodbye from a demo that never started").noneMatch(line -> line.contains("Até logo"));
			assertThat(folder.resolve("data/demo/postgres")).doesNotExist();
			assertThat(folder.resolve("data/demo/analytips-demo.log")).content().contains("SERVER_PORT is invalid");
		}
	}

	@Test
	void aDemoDateThatIsNoDateIsOneLineOnStandardErrorAndLeavesNoData() throws Exception {
		Path folder = Scratch.directory("analytips-start");
		try (JarProcess demo = start(folder, Map.of("DEMO_DATE", "2026-13-45"), "--demo")) {
			assertThat(demo.waitForExit(EXIT)).isEqualTo(1);
			System.out.printf("bad DEMO_DATE in --demo: launch to exit %d ms%n", demo.launchToExit().toMillis());
			assertThat(demo.errors()).containsExactly("DEMO_DATE must be a date like 2026-07-10 (was 2026-13-45)");
			assertThat(demo.output()).isEmpty();
			assertThat(leftIn(folder)).isEmpty();
		}
	}

	@Test
	void aNumberThatIsNoneIsOneLineNamingItsVariableAndLeavesNoData() throws Exception {
		Path folder = Scratch.directory("analytips-start");
		Map<String, String> environment = required();
		environment.put("BOT_RATE_LIMIT", "ten");
		try (JarProcess app = start(folder, environment)) {
			assertThat(app.waitForExit(EXIT)).isEqualTo(1);
			assertThat(app.errors()).containsExactly("BOT_RATE_LIMIT is invalid: a whole number like 10 (was \"ten\")");
			assertThat(app.output()).isEmpty();
			assertThat(leftIn(folder)).isEmpty();
		}
	}

	@Test
	void aUrlThatIsNoUrlIsOneJsonLineForTheLogsAndLeavesNoData() throws Exception {
		Path folder = Scratch.directory("analytips-start");
		Map<String, String> environment = required();
		environment.put("LOG_FORMAT", "json");
		environment.put("API_FOOTBALL_URL", "v3.football.api-sports.io");
		try (JarProcess app = start(folder, environment)) {
			assertThat(app.waitForExit(EXIT)).isEqualTo(1);
			assertThat(app.output()).singleElement().asString()
				.startsWith("{")
				.contains("\"message\":\"API_FOOTBALL_URL must be an http(s) URL like https://v3.football.api-sports.io",
						"\"level\":\"ERROR\"");
			assertThat(app.errors()).isEmpty();
			assertThat(leftIn(folder)).isEmpty();
		}
	}

	@Test
	void aConfigurationFileSpringCannotReadIsStillReportedBySpring() throws Exception {
		Path folder = Scratch.directory("analytips-start");
		Files.writeString(folder.resolve("application.yml"), "analytips:\n  bot: [unclosed\n");
		try (JarProcess app = start(folder, required())) {
			assertThat(app.waitForExit(EXIT)).isEqualTo(1);
			assertThat(String.join("\n", app.output())).contains("Application run failed", "while parsing a flow sequence");
			assertThat(leftIn(folder)).containsExactly("application.yml");
		}
	}

	@Test
	void aMalformedTokenIsOneLineThatDoesNotRepeatIt() throws Exception {
		Path folder = Scratch.directory("analytips-start");
		Map<String, String> environment = required();
		environment.put("TELEGRAM_BOT_TOKEN", "not-a-token");
		try (JarProcess app = start(folder, environment)) {
			assertThat(app.waitForExit(EXIT)).isEqualTo(1);
			System.out.printf("malformed TELEGRAM_BOT_TOKEN: launch to exit %d ms%n", app.launchToExit().toMillis());
			assertThat(app.errors()).singleElement().asString()
				.startsWith("TELEGRAM_BOT_TOKEN is invalid: must be the token @BotFather gave the bot")
				.doesNotContain("not-a-token");
			assertThat(leftIn(folder)).isEmpty();
		}
	}

	@Test
	void aRejectedTokenStopsTheStartBeforeTheEmbeddedDatabase() throws Exception {
		Path folder = Scratch.directory("analytips-start");
		try (FakeBotApi telegram = FakeBotApi.start().acceptToken("123456:another-token-the-fake-accepts-000000")) {
			Map<String, String> environment = required();
			environment.putAll(Map.of("TELEGRAM_API_URL", telegram.url(), "API_FOOTBALL_URL", football.url(), "SERVER_PORT", "0"));
			try (JarProcess app = start(folder, environment)) {
				assertThat(app.waitForExit(EXIT)).isEqualTo(1);
				System.out.printf("rejected token: launch to exit %d ms%n", app.launchToExit().toMillis());
				List<String> all = Stream.concat(app.output().stream(), app.errors().stream()).toList();
				assertThat(all).filteredOn(line -> line.contains(" ERROR "))
					.singleElement().asString().endsWith("TELEGRAM_BOT_TOKEN is invalid: Telegram answered 401 Unauthorized");
				assertThat(all.get(all.size() - 1)).endsWith("TELEGRAM_BOT_TOKEN is invalid: Telegram answered 401 Unauthorized");
				assertThat(all).noneMatch(line -> line.contains("Embedded PostgreSQL") || line.contains("re-run your application")
						|| line.contains("Exception encountered") || line.contains("\tat "));
				assertThat(leftIn(folder)).isEmpty();
			}
		}
	}

	@Test
	void aSecondStartInARunningBotsFolderIsOneLineAndTheFirstKeepsItsDatabase() throws Exception {
		Path folder = Scratch.directory("analytips-start");
		try (FakeBotApi telegram = FakeBotApi.start()) {
			Map<String, String> environment = required();
			environment.putAll(Map.of("TELEGRAM_API_URL", telegram.url(), "API_FOOTBALL_URL", football.url(), "SERVER_PORT", "0"));
			try (JarProcess first = start(folder, environment)) {
				org.awaitility.Awaitility.await().atMost(EXIT)
					.until(() -> !telegram.calls("getUpdates").isEmpty() || !first.isAlive());
				try (JarProcess second = start(folder, environment)) {
					assertThat(second.waitForExit(EXIT)).isEqualTo(1);
					assertThat(second.output().get(second.output().size() - 1)).as(second.tail(20))
						.endsWith("Another Analytips process (pid " + first.pid() + ") is using the embedded database in "
								+ folder.resolve("data/postgres").toRealPath() + ": stop it first, or give this one a folder"
								+ " of its own (ANALYTIPS_DATABASE_EMBEDDEDDIRECTORY) or a database of its own (DATABASE_URL)");
				}
				// the first still has its PostgreSQL: an update is stored, answered and finished
				telegram.enqueue(io.analytips.support.Updates.message(40_000, "/help"));
				org.awaitility.Awaitility.await().atMost(EXIT).until(() -> !telegram.messagesTo(40_000).isEmpty());
				assertThat(first.isAlive()).isTrue();
				assertThat(first.output()).noneMatch(line -> line.contains("left running by a previous run")
						|| line.contains("PostgreSQL unreachable"));
				first.terminate();
				assertThat(first.waitForExit(EXIT)).isZero();
			}
		}
	}

	@Test
	void aStartThatFailsAfterTheEmbeddedDatabaseStartedNamesTheSettingAndRemovesTheFolderItCreated() throws Exception {
		Path folder = Scratch.directory("analytips-start");
		try (FakeBotApi telegram = FakeBotApi.start(); ServerSocket taken = new ServerSocket(0)) {
			Map<String, String> environment = required();
			environment.putAll(Map.of("TELEGRAM_API_URL", telegram.url(), "API_FOOTBALL_URL", football.url(), "SERVER_PORT",
					Integer.toString(taken.getLocalPort())));
			try (JarProcess app = start(folder, environment)) {
				assertThat(app.waitForExit(EXIT)).isEqualTo(1);
				assertThat(app.output()).anyMatch(line -> line.contains("Embedded PostgreSQL started"));
				assertThat(app.output().get(app.output().size() - 1)).endsWith("SERVER_PORT is invalid: port "
						+ taken.getLocalPort() + " is already in use by another process (set another, or 0 for any free one)");
				assertThat(leftIn(folder)).as(app.tail(20)).isEmpty();
			}
		}
	}
}
