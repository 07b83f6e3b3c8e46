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
 * into {@code target/peer} the first time, then {@code node <script> <api root> <token>}, the script one of
 * {@link #SCRIPTS}: the shared peer as it is ({@link #STOCK}, one-line replies) or the same bot answering with
 * Analytips' own messages ({@link #SAME_REPLIES}).
 */
public final class PeerBot implements AutoCloseable {

	private static final Path SOURCE = Path.of("src", "test", "peer");

	private static final Path INSTALLED = Path.of("target", "peer");

	/** The shared peer, unchanged: {@code /start} and {@code /help} answered with a line each. */
	public static final String STOCK = "grammy-bot.mjs";

	/** The same peer answering {@code /start} and {@code /help} with the messages Analytips sends a new user. */
	public static final String SAME_REPLIES = "grammy-bot-same-replies.mjs";

	static final List<String> SCRIPTS = List.of(STOCK, SAME_REPLIES);

	private final Process process;

	private final Path output;

	private PeerBot(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/** Installs the peer if needed and starts the stock one polling {@code apiRoot}. */
	public static PeerBot start(String apiRoot, String token) throws IOException, InterruptedException {
		return start(STOCK, apiRoot, token);
	}

	/** Installs the peer if needed and starts {@code script} (one of {@link #SCRIPTS}) polling {@code apiRoot}. */
	public static PeerBot start(String script, String apiRoot, String token) throws IOException, InterruptedException {
		if (!SCRIPTS.contains(script)) {
			throw new IllegalArgumentException("no peer script " + script + "; one of " + SCRIPTS);
		}
		install();
		Path output = Scratch.file("grammy", ".log");
		Process process = new ProcessBuilder(CpuPinning.forBots(List.of("node", script, apiRoot, token)))
			.directory(INSTALLED.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		return new PeerBot(process, output);
	}

	private static void install() throws IOException, InterruptedException {
		Files.createDirectories(INSTALLED);
		// the scripts every time (they may have changed since the install), the modules once
		for (String script : SCRIPTS) {
			Files.copy(SOURCE.resolve(script), INSTALLED.resolve(script), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		if (Files.isDirectory(INSTALLED.resolve("node_modules").resolve("grammy"))) {
			return;
		}
		for (String file : List.of("package.json", "package-lock.json")) {
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
