package io.analytips.football.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.analytips.football.api.ApiRequest;
import io.analytips.football.api.Requests;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the memory tier's bound ({@code analytips.football.memory-cache-size}, in characters of JSON) costs in
 * heap: 50 parsed copies of a season's fixtures and of a table are kept, and the heap used after a full GC is
 * compared with before. Rough (it relies on {@code System.gc()}), but enough to size the bound. Writes
 * {@code target/bench/cache-weight.json}. Run with
 * {@code ./mvnw -Pbench -DskipTests -Dtest=CacheWeightBenchmark -Dsurefire.failIfNoSpecifiedTests=false verify}.
 */
class CacheWeightBenchmark {

	private static final int COPIES = 50;

	@Test
	void measuresHeapPerCharacterOfJson() throws IOException {
		ApiFootballSimulator simulator = ApiFootballSimulator.bundled(Clock.systemUTC());
		JsonMapper mapper = JsonMapper.builder().build();
		Map<String, Object> report = new LinkedHashMap<>();
		for (ApiRequest request : List.of(Requests.fixturesOfSeason(39, 2024), Requests.standings(39, 2024))) {
			String json = new String(simulator.handle(request, ApiFootballSimulator.KEY).block().body());
			List<JsonNode> kept = new ArrayList<>();
			long before = usedAfterGc();
			for (int i = 0; i < COPIES; i++) {
				kept.add(mapper.readTree(json));
			}
			long after = usedAfterGc();
			double perCopy = (after - before) / (double) kept.size();
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("json_chars", json.length());
			figures.put("heap_bytes_per_copy", Math.round(perCopy));
			figures.put("heap_bytes_per_json_char", Math.round(perCopy / json.length() * 10) / 10.0);
			report.put(request.key(), figures);
		}
		Path out = Path.of("target", "bench");
		Files.createDirectories(out);
		Files.writeString(out.resolve("cache-weight.json"),
				TelegramJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
		System.out.println("BENCH " + TelegramJson.mapper().writeValueAsString(report));
	}

	private static long usedAfterGc() {
		System.gc();
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}
}
