package io.analytips.support.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.analytips.support.Scratch;

/**
 * The grammY peer bot ({@code src/test/peer}) as a child process: installed with {@code npm ci}
 * into {@code target/peer} the first time, then {@code node grammy-bot.mjs <api root> <token>}.
 */
public final class PeerBot implements AutoCloseable {

	private static final Path SOURCE = Path.of("src", "test", "peer");

	private static final Path INSTALLED = Path.of("target", "peer");

	private final Process process;

	private final Path output;

	private PeerBot(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/** Installs the peer if needed and starts it polling {@code apiRoot}. */
	public static PeerBot start(String apiRoot, String token) throws IOException, InterruptedException {
		install();
		Path output = Scratch.file("grammy", ".log");
		Process process = new ProcessBuilder(CpuPinning.forBots(List.of("node", "grammy-bot.mjs", apiRoot, token)))
			.directory(INSTALLED.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		return new PeerBot(process, output);
	}

	private static void install() throws IOException, InterruptedException {
		if (Files.isDirectory(INSTALLED.resolve("node_modules").resolve("grammy"))) {
			return;
		}
		Files.createDirectories(INSTALLED);
		for (String file : List.of("grammy-bot.mjs", "package.json", "package-lock.json")) {
			Files.copy(SOURCE.resolve(file), INSTALLED.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(INSTALLED.toFile())
			.inheritIO()
			.start();
		if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
			throw new IllegalStateException("npm ci failed in " + INSTALLED.toAbsolutePath() + ": is Node.js 18+ installed?");
		}
	}

	public long pid() {
		return process.pid();
	}

	public String output() throws IOException {
		return Files.readString(output);
	}

	/** Sends SIGTERM and waits for the exit. */
	public void stop(Duration timeout) throws InterruptedException {
		process.toHandle().destroy();
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
		}
	}

	@Override
	public void close() {
		process.destroyForcibly();
	}
}
