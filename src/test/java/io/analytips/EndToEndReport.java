package io.analytips;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.analytips.support.load.CpuPinning;
import io.analytips.telegram.TelegramJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@link EndToEndBenchmark}'s report: each bot's bursts summed up as their medians, and the ratios of this build
 * to grammY (and to the baseline build, if one ran), written to {@code target/bench/e2e.json}.
 */
final class EndToEndReport {

	private static final Path OUT = Path.of("target", "bench");

	private EndToEndReport() {
	}

	static void summarise(ObjectNode result, List<JsonNode> runs, JsonNode open) {
		result.put("repliesPerSecondMedian", Math.round(median(runs, run -> run.path("repliesPerSecond").asDouble())));
		result.put("burstP50MsMedian", median(runs, run -> run.path("p50Ms").asDouble()));
		result.put("burstP99MsMedian", median(runs, run -> run.path("p99Ms").asDouble()));
		result.put("cpuMsPer1000Median", Math.round(median(runs, run -> run.path("cpuMsPer1000").asDouble())));
		result.put("databaseCpuMsPer1000Median",
				Math.round(median(runs, run -> run.path("databaseCpuMsPer1000").asDouble())));
		result.put("fakeCpuMsPer1000Median", Math.round(median(runs, run -> run.path("fakeCpuMsPer1000").asDouble())));
		if (runs.get(0).has("allocatedKbPerUpdate")) {
			result.put("allocatedKbPerUpdateMedian", round2(median(runs, run -> run.path("allocatedKbPerUpdate").asDouble())));
			result.put("gcPauseMsPer1000Median", round2(median(runs, run -> run.path("gcPauseMsPer1000").asDouble())));
		}
		ArrayNode each = result.putArray("bursts");
		runs.forEach(each::add);
		result.set("openLoop", open);
	}

	static void write(Map<String, ObjectNode> results) throws Exception {
		ObjectNode analytips = results.get("analytips");
		ObjectNode grammy = results.get("grammy");
		ObjectNode report = TelegramJson.mapper().createObjectNode();
		report.put("updates", EndToEndBenchmark.UPDATES)
			.put("users", EndToEndBenchmark.USERS)
			.put("runs", EndToEndBenchmark.RUNS)
			.put("warmUp", EndToEndBenchmark.WARM_UP)
			.put("cores", CpuPinning.describe())
			.put("peer", EndToEndBenchmark.PEER);
		report.set("analytips", analytips);
		report.set("grammy", grammy);
		ObjectNode ratio = report.putObject("ratio");
		ratio.put("repliesPerSecond", round2(analytips.path("repliesPerSecondMedian").asDouble()
				/ grammy.path("repliesPerSecondMedian").asDouble()));
		ratio.put("cpuPerUpdate", round2(analytips.path("cpuMsPer1000Median").asDouble()
				/ grammy.path("cpuMsPer1000Median").asDouble()));
		ratio.put("cpuPerUpdateWithDatabase", round2((analytips.path("cpuMsPer1000Median").asDouble()
				+ analytips.path("databaseCpuMsPer1000Median").asDouble()) / grammy.path("cpuMsPer1000Median").asDouble()));
		ObjectNode baseline = results.get("baseline");
		if (baseline != null) {
			report.set("baseline", baseline);
			ObjectNode change = report.putObject("analytipsOverBaseline");
			change.put("repliesPerSecond", round2(analytips.path("repliesPerSecondMedian").asDouble()
					/ baseline.path("repliesPerSecondMedian").asDouble()));
			change.put("cpuPerUpdate", round2(analytips.path("cpuMsPer1000Median").asDouble()
					/ baseline.path("cpuMsPer1000Median").asDouble()));
			change.put("allocationPerUpdate", round2(analytips.path("allocatedKbPerUpdateMedian").asDouble()
					/ baseline.path("allocatedKbPerUpdateMedian").asDouble()));
			change.put("gcPausePerUpdate", round2(analytips.path("gcPauseMsPer1000Median").asDouble()
					/ baseline.path("gcPauseMsPer1000Median").asDouble()));
			System.out.println("BENCH analytips over baseline " + change);
		}
		System.out.println("BENCH ratio " + ratio);
		Files.createDirectories(OUT);
		Files.writeString(OUT.resolve("e2e.json"),
				TelegramJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
	}

	private static double median(List<JsonNode> runs, ToDoubleFunction<JsonNode> value) {
		double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static double round2(double value) {
		return Math.round(value * 100) / 100.0;
	}
}
