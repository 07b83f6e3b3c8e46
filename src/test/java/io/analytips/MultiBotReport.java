package io.analytips;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import io.analytips.telegram.TelegramJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runs of {@link MultiBotBenchmark} by number of bots, and what they say: whether a number keeps up (medians
 * over its runs), the capacity, which numbers decide it, memory per idle bot, and the report.
 */
final class MultiBotReport {

	private static final Path OUT = Path.of("target", "bench");

	private final List<Integer> counts;

	private final Map<Integer, List<ObjectNode>> runs = new TreeMap<>();

	MultiBotReport(List<Integer> counts) {
		this.counts = counts;
	}

	/** A new run of {@code bots} bots, to be filled in. */
	ObjectNode add(int bots, int round) {
		ObjectNode run = TelegramJson.mapper().createObjectNode().put("bots", bots).put("round", round);
		runs.computeIfAbsent(bots, n -> new ArrayList<>()).add(run);
		return run;
	}

	int runsOf(int bots) {
		return runs.getOrDefault(bots, List.of()).size();
	}

	/**
	 * The capacity and the count above it: what decides the answer, each run at least
	 * {@link MultiBotBenchmark#DECISIVE_RUNS} times.
	 */
	List<Integer> decisive() {
		int capacity = capacity();
		List<Integer> decisive = new ArrayList<>();
		decisive.add(capacity == 0 ? counts.get(0) : capacity);
		counts.stream().filter(n -> n > capacity).findFirst().ifPresent(decisive::add);
		return decisive;
	}

	/** The largest N that keeps up, with every smaller N; 0 if even one bot does not. */
	int capacity() {
		int capacity = 0;
		for (int bots : counts) {
			if (!keepsUp(bots)) {
				break;
			}
			capacity = bots;
		}
		return capacity;
	}

	private boolean keepsUp(int bots) {
		List<ObjectNode> measured = runs.get(bots);
		return measured.stream().allMatch(run -> run.has("answeredRatio"))
				&& median(measured, run -> run.path("answeredRatio").asDouble()) >= MultiBotBenchmark.KEEPS_UP
				&& median(measured, run -> run.path("p99Ms").asDouble()) < MultiBotBenchmark.P99_LIMIT_MS;
	}

	/** Writes {@code target/bench/multi-bot.json}: each setting's medians, ratios to one bot, memory per bot, capacity. */
	void write(ObjectNode report) throws Exception {
		ObjectNode one = summary(1);
		ArrayNode settings = report.putArray("settings");
		for (int bots : runs.keySet()) {
			ObjectNode summary = summary(bots);
			summary.put("keepsUp", keepsUp(bots));
			ObjectNode ratio = summary.putObject("overOneBot");
			for (String figure : List.of("p50Ms", "p99Ms", "worstBotP99Ms", "cpuMsPer1000", "idleHeapMb", "idleRssMb")) {
				ratio.put(figure, round2(summary.path(figure).asDouble() / one.path(figure).asDouble()));
			}
			if (bots > 1 && summary.path("runsMeasured").asInt() > 0 && one.path("runsMeasured").asInt() > 0) {
				ObjectNode perBot = summary.putObject("perIdleBot");
				perBot.put("heapKb", Math.round((summary.path("idleHeapMb").asDouble() - one.path("idleHeapMb").asDouble())
						* 1024 / (bots - 1)));
				perBot.put("rssKb", Math.round((summary.path("idleRssMb").asDouble() - one.path("idleRssMb").asDouble())
						* 1024 / (bots - 1)));
				perBot.put("threads", round2((summary.path("idleThreads").asDouble() - one.path("idleThreads").asDouble())
						/ (bots - 1)));
			}
			ArrayNode each = summary.putArray("runs");
			runs.get(bots).forEach(each::add);
			settings.add(summary);
			System.out.println("BENCH bots summary " + summary.deepCopy().without("runs"));
		}
		int capacity = capacity();
		report.put("capacity", capacity).put("keepsUpAtLargest", capacity == counts.get(counts.size() - 1));
		System.out.println("BENCH bots capacity " + capacity + " (largest tried " + counts.get(counts.size() - 1) + ")");
		Files.createDirectories(OUT);
		Files.writeString(OUT.resolve("multi-bot.json"),
				TelegramJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
	}

	/** The medians of a setting's runs (those that completed). */
	private ObjectNode summary(int bots) {
		List<ObjectNode> measured = runs.get(bots).stream().filter(run -> run.has("answeredRatio")).toList();
		ObjectNode summary = TelegramJson.mapper().createObjectNode().put("bots", bots).put("runsMeasured", measured.size());
		for (String figure : List.of("startSeconds", "idleHeapMb", "idleRssMb", "idleThreads", "idleCores", "offeredPerSecond",
				"answeredPerSecond", "answeredRatio", "p50Ms", "p99Ms", "maxMs", "worstBotP99Ms", "jarCores",
				"postgresCores", "fakeCores", "cpuMsPer1000", "afterHeapMb", "peakRssMb", "threads")) {
			summary.put(figure, measured.isEmpty() ? 0 : median(measured, run -> run.path(figure).asDouble()));
		}
		return summary;
	}

	private static double median(List<ObjectNode> runs, ToDoubleFunction<JsonNode> value) {
		double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static double round2(double value) {
		return Math.round(value * 100) / 100.0;
	}
}
