package io.analytips.support.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.analytips.support.Scratch;
import io.analytips.telegram.TelegramJson;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * A {@link FakeBotApiServer} in a child JVM (this JVM's class path, a heap of its own), and the
 * client of its control port. Blocking: for benchmarks, which run without BlockHound.
 */
public final class FakeBotApiProcess implements AutoCloseable {

	private final Process process;

	private final int control;

	private final List<String> urls;

	/** The bots' tokens, in {@code --bots} mode; else empty. */
	private final List<String> tokens;

	private final HttpClient http = HttpClient.newHttpClient();

	private FakeBotApiProcess(Process process, int control, List<String> urls, List<String> tokens) {
		this.process = process;
		this.control = control;
		this.urls = urls;
		this.tokens = tokens;
	}

	/** Starts a JVM serving {@code fakes} fake Bot APIs (one bot each); returns once they listen. */
	public static FakeBotApiProcess start(int fakes) throws IOException, InterruptedException {
		return start(List.of(String.valueOf(fakes)));
	}

	/**
	 * Starts a JVM serving one fake Bot API for {@code bots} bots, each with its own token ({@link #tokens()}); returns
	 * once it listens. Load and reports address a bot by its index in {@link #tokens()}.
	 */
	public static FakeBotApiProcess startBots(int bots) throws IOException, InterruptedException {
		return start(List.of("--bots", String.valueOf(bots)));
	}

	private static FakeBotApiProcess start(List<String> arguments) throws IOException, InterruptedException {
		boolean bots = arguments.get(0).equals("--bots");
		String java = ProcessHandle.current().info().command().orElse("java");
		// surefire runs tests from a manifest-only jar: the real class path is in its own property
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path output = Scratch.file("fake-bot-api", ".log");
		List<String> command = new ArrayList<>(
				List.of(java, "-Xmx1g", "-XX:+UseParallelGC", "-cp", classPath, FakeBotApiServer.class.getName()));
		command.addAll(arguments);
		Process process = new ProcessBuilder(CpuPinning.forOthers(command)).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		try {
			String ready = await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> readyLine(output, process), line -> line != null);
			List<String> parts = List.of(ready.split(" "));
			int urls = bots ? 3 : parts.size();
			return new FakeBotApiProcess(process, Integer.parseInt(parts.get(1)), List.copyOf(parts.subList(2, urls)),
					List.copyOf(parts.subList(urls, parts.size())));
		}
		catch (ConditionTimeoutException ex) {
			process.destroyForcibly();
			throw new IllegalStateException("the fake Bot API did not start:\n" + Files.readString(output), ex);
		}
	}

	/** The {@code READY} line once printed; null before; fails if the process died without one. */
	private static String readyLine(Path output, Process process) throws IOException {
		for (String line : Files.readAllLines(output)) {
			if (line.startsWith("READY ")) {
				return line;
			}
		}
		if (!process.isAlive()) {
			throw new IllegalStateException("the fake Bot API exited:\n" + Files.readString(output));
		}
		return null;
	}

	/** The base URL of fake {@code index}, for {@code TELEGRAM_API_URL}. */
	public String url(int index) {
		return urls.get(index);
	}

	/** The bots' tokens ({@link #startBots}), bot 0 first: for {@code TELEGRAM_BOT_TOKENS}. */
	public List<String> tokens() {
		return tokens;
	}

	public long pid() {
		return process.pid();
	}

	/** Queues {@code count} updates at once (see {@link FakeBotApiServer}). */
	public void burst(int fake, long first, int users, int count, String texts) {
		post(fake, "burst", first, users, count, texts, "");
	}

	/** Sends {@code count} updates at {@code rate} per second, an open loop. */
	public void open(int fake, long first, int users, int count, String texts, int rate) {
		post(fake, "open", first, users, count, texts, "&rate=" + rate);
	}

	/** Sends {@code count} updates as fast as replies come, never more than {@code window} unanswered. */
	public void window(int fake, long first, int users, int count, String texts, int window) {
		post(fake, "window", first, users, count, texts, "&window=" + window);
	}

	/** The current run of fake {@code fake}: counts, replies per second, latency percentiles. */
	public JsonNode run(int fake) {
		return TelegramJson.mapper().readTree(call(HttpRequest.newBuilder(uri("/" + fake + "/run")).GET().build()));
	}

	/** Waits until the current run of {@code fake} has all its replies; returns it. */
	public JsonNode awaitRun(int fake, Duration timeout) {
		try {
			return await().atMost(timeout)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> run(fake), run -> run.path("replies").asInt() >= run.path("expected").asInt());
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("not every update was answered in " + timeout + ": " + run(fake), ex);
		}
	}

	// ---- every bot (or fake) at once --------------------------------------------------------------

	/** Queues {@code count} updates at once on every bot, bot {@code i}'s from users {@code first + i × users} on. */
	public void burstAll(long first, int users, int count, String texts) {
		post("/all", "burst", first, users, count, texts, "");
	}

	/**
	 * An open loop on every bot: {@code rate} updates a second each for {@code seconds}, bot {@code i}'s from users
	 * {@code first + i × users} on, the bots' starts staggered so that together their updates arrive evenly.
	 */
	public void openAll(long first, int users, int rate, int seconds, String texts) {
		post("/all/open?first=" + first + "&users=" + users + "&rate=" + rate + "&seconds=" + seconds + "&texts="
				+ encode(texts));
	}

	/** Every bot's current run together: see {@code LoadRuns.json}. */
	public JsonNode runAll() {
		return TelegramJson.mapper().readTree(call(HttpRequest.newBuilder(uri("/all/run")).GET().build()));
	}

	/**
	 * Waits until every bot's run has all its replies, or {@code timeout} passed; returns {@link #runAll()} either
	 * way (a benchmark of capacity reports a run that did not keep up rather than failing).
	 */
	public JsonNode runAllWithin(Duration timeout) {
		return runAllWithin(timeout, () -> true);
	}

	/** {@link #runAllWithin(Duration)}, giving up as soon as {@code worthWaiting} is false (the bot died). */
	public JsonNode runAllWithin(Duration timeout, java.util.function.BooleanSupplier worthWaiting) {
		try {
			await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
				if (!worthWaiting.getAsBoolean()) {
					return true;
				}
				JsonNode counts = TelegramJson.mapper()
					.readTree(call(HttpRequest.newBuilder(uri("/all/run?brief")).GET().build()));
				return counts.path("runsDone").asInt() == counts.path("runs").asInt();
			});
		}
		catch (ConditionTimeoutException ex) {
			// reported as it stands
		}
		return runAll();
	}

	/** The current run of bot {@code bot} ({@code GET /b/<bot>/run}). */
	public JsonNode runOfBot(int bot) {
		return TelegramJson.mapper().readTree(call(HttpRequest.newBuilder(uri("/b/" + bot + "/run")).GET().build()));
	}

	private void post(int fake, String kind, long first, int users, int count, String texts, String more) {
		post("/" + fake, kind, first, users, count, texts, more);
	}

	private void post(String target, String kind, long first, int users, int count, String texts, String more) {
		post(target + "/" + kind + "?first=" + first + "&users=" + users + "&count=" + count + "&texts=" + encode(texts)
				+ more);
	}

	private void post(String pathAndQuery) {
		call(HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()).build());
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + control + path);
	}

	private String call(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		try {
			process.getOutputStream().close();
		}
		catch (IOException ex) {
			// already gone
		}
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}
}
