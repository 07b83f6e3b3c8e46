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

import io.analytips.support.FakeBotApi;
import io.analytips.support.PipelineHarness;
import io.analytips.support.Updates;
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import static org.awaitility.Awaitility.await;

/**
 * Throughput, update-to-reply latency and heap of the whole pipeline (long polling against the
 * in-process fake Bot API, PostgreSQL inbox, the real /help handler, outbound scheduler with the
 * global rate raised), then the same with the inbox in memory to show what durability costs.
 * A closed loop keeps {@value #WINDOW} updates outstanding (below buffer + concurrency, so none is
 * rejected); each run sends {@value #UPDATES} updates from {@value #USERS} users. One warm-up run,
 * then {@value #RUNS} measured runs per mode; medians go to {@code target/bench/pipeline.json}.
 * Run with {@code ./mvnw -Pbench -DskipTests verify}; never part of the normal build.
 */
class PipelineBenchmark {

	static final int UPDATES = 20_000;

	static final int USERS = 10_000;

	static final int WINDOW = 1_000;

	static final int RUNS = 5;

	record Run(double updatesPerSecond, double p50Millis, double p99Millis, double peakHeapMb, double heapAfterGcMb) {
	}

	@Test
	void measuresThePipelineWithAndWithoutTheInbox() throws IOException {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("updates_per_run", UPDATES);
		report.put("users", USERS);
		report.put("outstanding_window", WINDOW);
		report.put("runs", RUNS);
		report.put("cpus", Runtime.getRuntime().availableProcessors());
		report.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		report.put("note", "heap is the whole test JVM: pipeline, fake Bot API and load generator");
		runOnce(false); // warm-up: JIT, connection pools, the embedded database
		runOnce(true);
		// Modes alternate, so drift on this shared machine (JIT, other load) touches both alike.
		Map<Boolean, List<Run>> byMode = Map.of(false, new ArrayList<>(), true, new ArrayList<>());
		for (int i = 0; i < RUNS; i++) {
			byMode.get(false).add(runOnce(false));
			byMode.get(true).add(runOnce(true));
		}
		for (boolean inMemory : new boolean[] { false, true }) {
			List<Run> runs = byMode.get(inMemory);
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("updates_per_second_median", median(runs.stream().mapToDouble(Run::updatesPerSecond).toArray()));
			summary.put("p50_ms_median", median(runs.stream().mapToDouble(Run::p50Millis).toArray()));
			summary.put("p99_ms_median", median(runs.stream().mapToDouble(Run::p99Millis).toArray()));
			summary.put("peak_heap_mb_median", median(runs.stream().mapToDouble(Run::peakHeapMb).toArray()));
			summary.put("heap_after_gc_mb_median", median(runs.stream().mapToDouble(Run::heapAfterGcMb).toArray()));
			summary.put("runs", runs);
			report.put(inMemory ? "inbox_memory" : "inbox_postgres", summary);
		}
		Path out = Path.of("target", "bench");
		Files.createDirectories(out);
		Files.writeString(out.resolve("pipeline.json"), TelegramJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
		System.out.println("BENCH " + TelegramJson.mapper().writeValueAsString(report));
	}

	private Run runOnce(boolean inMemory) {
		Messages messages = new Messages();
		PipelineHarness.Builder builder = PipelineHarness.builder()
			.handlers(new HelpHandler(messages), new FallbackMessageHandler(messages))
			.globalRate(1_000_000)
			.chatBurst(10);
		if (inMemory) {
			builder.inMemoryInbox();
		}
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
			long[] sorted = Arrays.copyOf(latencies, UPDATES);
			Arrays.sort(sorted);
			return new Run(UPDATES / (elapsed / 1e9), sorted[UPDATES / 2] / 1e6, sorted[UPDATES * 99 / 100] / 1e6,
					peakHeap.get() / (1024.0 * 1024.0), heapAfterGc);
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return Math.round(sorted[sorted.length / 2] * 10) / 10.0;
	}
}
