package io.analytips.bot;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.analytips.common.Clocks;
import io.analytips.store.DatabaseServer;
import io.analytips.store.DatabaseUrl;
import io.analytips.store.Migrations;
import io.analytips.support.FakeBotApi;
import io.analytips.support.PipelineHarness;
import io.analytips.support.Scratch;
import io.analytips.support.TestDatabase;
import io.analytips.support.Updates;
import io.analytips.telegram.TelegramJson;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import static org.awaitility.Awaitility.await;

/**
 * Throughput, update-to-reply latency and heap of the whole pipeline (long polling against the
 * in-process fake Bot API, PostgreSQL inbox, the real /help handler, outbound scheduler with the
 * global rate raised), then the same with the inbox in memory to show what durability costs, and
 * on a durable PostgreSQL (the bot's embedded server: fsync, synchronous_commit and full_page_writes
 * on) against the tests' one (fsync and synchronous_commit off) to show what flushing costs, each
 * with the access log on (the default: one JSON line per update, written as in production with
 * {@code LOG_FORMAT=json}, to {@code target/bench/access-<mode>.log}) and off ({@code LOG_UPDATES=false}).
 * A closed loop keeps {@value #WINDOW} updates outstanding (below buffer + concurrency, so none is
 * rejected); each run sends {@value #UPDATES} updates from {@value #USERS} users. One warm-up run
 * per mode, then {@value #RUNS} measured runs per mode, the modes alternating; medians go to
 * {@code target/bench/pipeline.json}. Run with {@code ./mvnw -Pbench -DskipTests verify}; never part
 * of the normal build.
 */
class PipelineBenchmark {

	static final int UPDATES = 20_000;

	static final int USERS = 10_000;

	static final int WINDOW = 1_000;

	static final int RUNS = 5;

	record Run(double updatesPerSecond, double p50Millis, double p99Millis, double peakHeapMb, double heapAfterGcMb,
			long accessLines) {
	}

	/**
	 * What one run measures: where the inbox lives, whether the access log is on, and whether its
	 * PostgreSQL flushes every commit to disk (durable: the bot's embedded server; not durable: the
	 * tests' one, fsync and synchronous_commit off).
	 */
	record Mode(String name, boolean inMemory, boolean accessLog, boolean durable) {
	}

	static final List<Mode> MODES = List.of(new Mode("inbox_postgres", false, true, false),
			new Mode("inbox_postgres_access_log_off", false, false, false), new Mode("inbox_memory", true, true, false),
			new Mode("inbox_memory_access_log_off", true, false, false), new Mode("inbox_postgres_durable", false, true, true),
			new Mode("inbox_postgres_durable_access_log_off", false, false, true));

	/** The bot's own embedded server (durable), started on first use; a fresh database on it per run. */
	private DatabaseServer durableServer;

	private int durableDatabases;

	static final Path OUT = Path.of("target", "bench");

	@Test
	void measuresThePipelineWithAndWithoutTheInboxAndTheAccessLog() throws IOException {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("updates_per_run", UPDATES);
		report.put("users", USERS);
		report.put("outstanding_window", WINDOW);
		report.put("runs", RUNS);
		report.put("cpus", Runtime.getRuntime().availableProcessors());
		report.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		report.put("note", "heap is the whole test JVM: pipeline, fake Bot API and load generator");
		report.put("access_log", "logstash JSON lines (Spring Boot structured logging) written to "
				+ OUT.resolve("access-<mode>.log") + " (emptied each run); modes *_access_log_off run with LOG_UPDATES=false");
		Files.createDirectories(OUT);
		MODES.forEach(this::runOnce); // warm-up: JIT, connection pools, the embedded database
		// Modes alternate, so drift on this shared machine (JIT, other load) touches all alike; within
		// an inbox, on and off swap places every round, so neither always runs first.
		Map<Mode, List<Run>> byMode = new LinkedHashMap<>();
		MODES.forEach(mode -> byMode.put(mode, new ArrayList<>()));
		for (int i = 0; i < RUNS; i++) {
			for (int m = 0; m < MODES.size(); m++) {
				Mode mode = MODES.get(i % 2 == 0 ? m : m ^ 1);
				byMode.get(mode).add(runOnce(mode));
			}
		}
		for (Mode mode : MODES) {
			List<Run> runs = byMode.get(mode);
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("updates_per_second_median", median(runs.stream().mapToDouble(Run::updatesPerSecond).toArray()));
			summary.put("p50_ms_median", median(runs.stream().mapToDouble(Run::p50Millis).toArray()));
			summary.put("p99_ms_median", median(runs.stream().mapToDouble(Run::p99Millis).toArray()));
			summary.put("peak_heap_mb_median", median(runs.stream().mapToDouble(Run::peakHeapMb).toArray()));
			summary.put("heap_after_gc_mb_median", median(runs.stream().mapToDouble(Run::heapAfterGcMb).toArray()));
			summary.put("access_lines_per_run", runs.get(0).accessLines());
			summary.put("runs", runs);
			report.put(mode.name(), summary);
		}
		// The access log's cost: throughput with it on over throughput with it off, per inbox, from each
		// round's pair of runs (adjacent in time), then the median.
		for (String inbox : List.of("postgres", "memory")) {
			List<Run> on = byMode.get(MODES.get(inbox.equals("postgres") ? 0 : 2));
			List<Run> off = byMode.get(MODES.get(inbox.equals("postgres") ? 1 : 3));
			report.put("access_log_on_vs_off_throughput_percent_" + inbox, medianRatio(on, off));
		}
		// What durability costs: the durable server's throughput over the tests' one, round by round.
		report.put("durable_vs_not_throughput_percent", medianRatio(byMode.get(MODES.get(4)), byMode.get(MODES.get(0))));
		report.put("durable_vs_not_throughput_percent_access_log_off",
				medianRatio(byMode.get(MODES.get(5)), byMode.get(MODES.get(1))));
		if (durableServer != null) {
			durableServer.destroy();
		}
		Files.writeString(OUT.resolve("pipeline.json"), TelegramJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
		System.out.println("BENCH " + TelegramJson.mapper().writeValueAsString(report));
	}

	/**
	 * Sends the access lines where production's JSON console would, but to a file (emptied for each
	 * run): encoded by Spring Boot's logstash formatter, flushed line by line, and kept out of the
	 * test's captured output. Counts them too.
	 */
	private static FileAppender<ILoggingEvent> accessLogToFile(Mode mode, AtomicLong lines) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.putObject(Environment.class.getName(), new StandardEnvironment());
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat("logstash");
		encoder.start();
		FileAppender<ILoggingEvent> file = new FileAppender<>() {
			@Override
			protected void subAppend(ILoggingEvent event) {
				super.subAppend(event);
				lines.incrementAndGet();
			}
		};
		file.setContext(context);
		file.setName("bench-access-log");
		file.setFile(OUT.resolve("access-" + mode.name() + ".log").toString());
		file.setAppend(false);
		file.setEncoder(encoder);
		file.start();
		Logger access = context.getLogger("io.analytips.access");
		access.addAppender(file);
		access.setAdditive(false);
		return file;
	}

	private Run runOnce(Mode mode) {
		Messages messages = new Messages();
		Preferences preferences = Readers.preferences(Clocks.system());
		PipelineHarness.Builder builder = PipelineHarness.builder()
			.handlers(new HelpHandler(messages, preferences), new FallbackMessageHandler(messages, preferences))
			.globalRate(1_000_000)
			.chatBurst(10)
			.logUpdates(mode.accessLog());
		if (mode.inMemory()) {
			builder.inMemoryInbox();
		}
		if (mode.durable()) {
			builder.database(durableDatabase());
		}
		AtomicLong accessLines = new AtomicLong();
		FileAppender<ILoggingEvent> accessLog = accessLogToFile(mode, accessLines);
		try (PipelineHarness harness = builder.build()) {
			FakeBotApi telegram = harness.telegram;
			Map<Long, long[]> sentAt = new ConcurrentHashMap<>();
			Map<Long, AtomicInteger> repliesPerChat = new ConcurrentHashMap<>();
			long[] latencies = new long[UPDATES];
			AtomicInteger replied = new AtomicInteger();
			AtomicInteger sent = new AtomicInteger();
			int perUser = UPDATES / USERS;
			Runnable sendNext = () -> {
				int n = sent.getAndIncrement();
				if (n < UPDATES) {
					long user = 1 + n % USERS;
					sentAt.computeIfAbsent(user, u -> new long[perUser])[n / USERS] = System.nanoTime();
					telegram.enqueue(Updates.message(user, "/help"));
				}
			};
			telegram.onMessage(call -> {
				int k = repliesPerChat.computeIfAbsent(call.chatId(), c -> new AtomicInteger()).getAndIncrement();
				long[] times = sentAt.get(call.chatId());
				int index = replied.getAndIncrement();
				if (times != null && k < times.length && index < UPDATES) {
					latencies[index] = call.atNanos() - times[k];
				}
				sendNext.run();
			});
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			System.gc();
			AtomicLong peakHeap = new AtomicLong();
			Disposable sampler = Flux.interval(Duration.ofMillis(20))
				.subscribe(tick -> peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max));
			long start = System.nanoTime();
			harness.start();
			for (int i = 0; i < WINDOW; i++) {
				sendNext.run();
			}
			await().atMost(Duration.ofMinutes(5)).until(() -> replied.get() >= UPDATES);
			long elapsed = System.nanoTime() - start;
			sampler.dispose();
			System.gc();
			double heapAfterGc = memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
			harness.stopAndWait(Duration.ofSeconds(30));
			if (accessLines.get() != (mode.accessLog() ? UPDATES : 0)) {
				throw new AssertionError(mode + ": " + accessLines.get() + " access lines for " + UPDATES + " updates");
			}
			long[] sorted = Arrays.copyOf(latencies, UPDATES);
			Arrays.sort(sorted);
			return new Run(UPDATES / (elapsed / 1e9), sorted[UPDATES / 2] / 1e6, sorted[UPDATES * 99 / 100] / 1e6,
					peakHeap.get() / (1024.0 * 1024.0), heapAfterGc, accessLines.get());
		}
		finally {
			((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.analytips.access").detachAppender(accessLog);
			accessLog.stop();
		}
	}

	/** A fresh migrated database on the durable embedded server (started in a temporary directory on first use). */
	private DatabaseUrl durableDatabase() {
		if (durableServer == null) {
			durableServer = DatabaseServer.embedded(Scratch.directory("analytips-bench-durable"), true);
		}
		String name = "bench_" + ++durableDatabases;
		ConnectionPool pool = TestDatabase.pool(durableServer.url());
		try {
			TestDatabase.client(pool).sql("create database " + name).then().block(Duration.ofSeconds(30));
		}
		finally {
			pool.dispose();
		}
		DatabaseUrl url = new DatabaseUrl(durableServer.url().host(), durableServer.url().port(), name, "postgres", null, null);
		new Migrations(url).migrate();
		return url;
	}

	/** The median over rounds of {@code a}'s throughput as a percentage of {@code b}'s in the same round. */
	private static double medianRatio(List<Run> a, List<Run> b) {
		double[] ratios = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			ratios[i] = 100.0 * a.get(i).updatesPerSecond() / b.get(i).updatesPerSecond();
		}
		return median(ratios);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return Math.round(sorted[sorted.length / 2] * 10) / 10.0;
	}
}
