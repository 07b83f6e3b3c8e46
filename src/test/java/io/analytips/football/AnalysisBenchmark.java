package io.analytips.football;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.HttpApiTransport;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.CachePolicy;
import io.analytips.football.cache.FootballCache;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.store.ApiCacheRepository;
import io.analytips.support.TestDatabase;
import io.analytips.telegram.TelegramJson;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static io.analytips.support.Samples.median;
import static io.analytips.support.Samples.percentile;

/**
 * Analysis latency with a cold and a warm cache, and upstream calls per 1,000 analyses, for a
 * realistic mix: 1,000 users over today's fixtures, skewed towards the big games (Zipf, s = 1), asking
 * for the full analysis 40% of the time, goals and result 20% each, both-teams-to-score and corners 10%
 * each, 50 at a time. API-Football is the simulator over HTTP with 150 ms added to every answer (a
 * real round trip); the cache's second tier is an embedded PostgreSQL. Each run starts with empty
 * tiers; medians of {@value #RUNS} runs go to {@code target/bench/analysis.json}.
 * Run with {@code ./mvnw -Pbench -DskipTests verify}.
 */
class AnalysisBenchmark {

	static final int REQUESTS = 1000;

	static final int CONCURRENCY = 50;

	static final int RUNS = 5;

	static final Duration UPSTREAM_LATENCY = Duration.ofMillis(150);

	record Run(double coldP50, double coldP99, double warmP50, double warmP99, long upstreamCalls, int fixtures,
			double[] firstAnalyses, Map<String, Long> upstreamByPath) {
	}

	@Test
	void measuresAnalysesWithColdAndWarmCaches() throws IOException {
		ApiFootballSimulator simulator = ApiFootballSimulator.bundled(Clock.systemUTC());
		simulator.faults().latency(UPSTREAM_LATENCY);
		List<Run> runs = new ArrayList<>();
		try (SimulatorServer server = SimulatorServer.start(simulator, "127.0.0.1", 0)) {
			run(server); // warm-up: JIT, connections
			for (int i = 0; i < RUNS; i++) {
				runs.add(run(server));
			}
		}
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("requests_per_run", REQUESTS);
		report.put("concurrency", CONCURRENCY);
		report.put("upstream_latency_ms", UPSTREAM_LATENCY.toMillis());
		report.put("fixtures_today", runs.get(0).fixtures());
		double[] first = runs.stream().flatMapToDouble(run -> Arrays.stream(run.firstAnalyses())).toArray();
		report.put("first_analysis_of_a_fixture_p50_ms", percentile(first, 50));
		report.put("first_analysis_of_a_fixture_p99_ms", percentile(first, 99));
		report.put("upstream_calls_by_path", runs.get(0).upstreamByPath());
		report.put("cold_p50_ms_median", median(runs.stream().mapToDouble(Run::coldP50).toArray()));
		report.put("cold_p99_ms_median", median(runs.stream().mapToDouble(Run::coldP99).toArray()));
		report.put("warm_p50_ms_median", median(runs.stream().mapToDouble(Run::warmP50).toArray()));
		report.put("warm_p99_ms_median", median(runs.stream().mapToDouble(Run::warmP99).toArray()));
		report.put("upstream_calls_per_1000_median", median(runs.stream().mapToDouble(Run::upstreamCalls).toArray()));
		report.put("runs", runs);
		Path out = Path.of("target", "bench");
		Files.createDirectories(out);
		Files.writeString(out.resolve("analysis.json"), TelegramJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
		System.out.println("BENCH " + TelegramJson.mapper().writeValueAsString(report));
	}

	private Run run(SimulatorServer server) {
		Clock clock = Clock.systemUTC();
		ConnectionPool pool = TestDatabase.pool(TestDatabase.migrated());
		ApiFootballProperties base = ApiTestSupport.properties(server.url(), ApiFootballSimulator.KEY);
		// A Pro plan: 300 calls a minute, 7,500 a day.
		ApiFootballProperties properties = new ApiFootballProperties(base.url(), base.key(), 300, base.timeout(), 10,
				base.retryAttempts(), base.retryFirstBackoff(), base.breakerFailureRatePercent(), base.breakerWindow(),
				base.breakerMinimumCalls(), base.breakerOpenFor(), base.quotaReserve(), base.timezone(), base.leagues(), 5,
				base.backgroundQuotaShare(), base.memoryCacheSize());
		HttpApiTransport transport = new HttpApiTransport(properties.url(), properties.key());
		try {
			ResilientApiFootball api = new ResilientApiFootball(transport, properties, clock);
			FootballData data = new FootballData(new FootballCache(new ApiCacheRepository(TestDatabase.client(pool), TestDatabase.CALL_TIMEOUT),
					new CachePolicy(clock, properties.timezone()), clock, 64L << 20, java.time.Duration.ofSeconds(60)), api, properties, clock);
			AnalysisService analyses = new AnalysisService(data, 5, clock);
			List<Fixture> today = data.fixturesOn(data.today()).block().value();
			List<long[]> mix = mix(today);
			server.simulator().resetCalls();
			double[] cold = latencies(analyses, mix);
			long upstream = server.simulator().calls();
			Map<String, Long> byPath = server.simulator().callsByPath();
			double[] warm = latencies(analyses, mix);
			// The first request of each fixture met an empty cache: those are the cold analyses proper.
			java.util.Set<Long> seen = new java.util.HashSet<>();
			List<Double> firsts = new ArrayList<>();
			for (int i = 0; i < mix.size(); i++) {
				if (seen.add(mix.get(i)[0])) {
					firsts.add(cold[i]);
				}
			}
			return new Run(percentile(cold, 50), percentile(cold, 99), percentile(warm, 50), percentile(warm, 99), upstream,
					today.size(), firsts.stream().mapToDouble(Double::doubleValue).toArray(), byPath);
		}
		finally {
			transport.destroy();
			pool.dispose();
		}
	}

	/** {fixture id, kind ordinal} per user: Zipf-skewed fixtures, the kinds mixed as users ask for them. */
	private static List<long[]> mix(List<Fixture> fixtures) {
		Random random = new Random(7);
		double[] weights = new double[fixtures.size()];
		double total = 0;
		for (int i = 0; i < weights.length; i++) {
			total += weights[i] = 1.0 / (i + 1);
		}
		List<long[]> mix = new ArrayList<>();
		for (int user = 0; user < REQUESTS; user++) {
			double pick = random.nextDouble() * total;
			int fixture = 0;
			while (pick > weights[fixture] && fixture < weights.length - 1) {
				pick -= weights[fixture++];
			}
			double kind = random.nextDouble();
			AnalysisKind asked = kind < 0.4 ? AnalysisKind.FULL : kind < 0.6 ? AnalysisKind.GOALS
					: kind < 0.8 ? AnalysisKind.RESULT : kind < 0.9 ? AnalysisKind.BTTS : AnalysisKind.CORNERS;
			mix.add(new long[] { fixtures.get(fixture).id(), asked.ordinal() });
		}
		return mix;
	}

	/** Latency of each request, in the order of {@code mix}. */
	private static double[] latencies(AnalysisService analyses, List<long[]> mix) {
		double[] latencies = new double[mix.size()];
		Flux.range(0, mix.size())
			.flatMap(i -> Mono.defer(() -> {
				long start = System.nanoTime();
				return analyses.analyze(mix.get(i)[0], AnalysisKind.values()[(int) mix.get(i)[1]])
					.doOnNext(report -> latencies[i] = (System.nanoTime() - start) / 1e6);
			}), CONCURRENCY)
			.blockLast();
		return latencies;
	}
}
