package io.analytips.football;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.analytips.common.MutableClock;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.CachePolicy;
import io.analytips.football.cache.FootballCache;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.support.MemoryApiCache;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What analyses cost in API-Football calls, the quota a plan pays: 1 000 users asking for
 * analyses of today's games (skewed towards the big games, the kinds mixed as users ask for them,
 * 50 at a time, the cache cold) cost at most 25 upstream calls, because every read is a bulk read
 * where the API has one and concurrent readers share one call. (The benchmark measures the same
 * mix's latency: {@code AnalysisBenchmark}.)
 */
class AnalysisCostTests {

	private final MutableClock clock = new MutableClock(); // Monday 2026-11-23: 9 games in the two leagues

	private final ApiFootballSimulator simulator = ApiFootballSimulator.bundled(clock);

	private final ApiFootballProperties properties = ApiTestSupport.properties("http://in-process", ApiFootballSimulator.KEY);

	private final FootballData data = new FootballData(
			new FootballCache(new MemoryApiCache(), new CachePolicy(clock, properties.timezone()), clock, 64L << 20,
					Duration.ofSeconds(60)),
			new ResilientApiFootball(new SimulatorTransport(simulator, ApiFootballSimulator.KEY), properties, clock),
			properties, clock);

	private final AnalysisService analyses = new AnalysisService(data, 5, clock);

	@Test
	void aThousandAnalysesOfTodaysGamesCostAtMostTwentyFiveUpstreamCalls() {
		List<Fixture> today = data.fixturesOn(data.today()).block(Duration.ofSeconds(30)).value();
		assertThat(today).hasSize(9);
		simulator.resetCalls();

		List<Long> answered = Flux.fromIterable(mix(today))
			.flatMap(asked -> analyses.analyze(asked.fixture(), asked.kind()).map(report -> report.fixture().id()), 50)
			.collectList()
			.block(Duration.ofMinutes(2));

		assertThat(answered).hasSize(1000);
		System.out.printf("COST 1000 analyses of %d fixtures: %d upstream calls %s%n", today.size(), simulator.calls(),
				simulator.callsByPath());
		assertThat(simulator.calls()).as("calls by path: %s", simulator.callsByPath()).isLessThanOrEqualTo(25);
	}

	@Test
	void oneOfTodaysFixturesCostsNoCallOfItsOwnAndAnotherDaysOneCall() {
		List<Fixture> today = data.fixturesOn(data.today()).block(Duration.ofSeconds(30)).value();
		long later = data.season(39, 2024).block(Duration.ofSeconds(30)).value().stream()
			.filter(f -> f.kickoff().isAfter(clock.instant().plus(Duration.ofDays(3))))
			.findFirst()
			.orElseThrow()
			.id();
		simulator.resetCalls();

		assertThat(data.fixture(today.get(0).id()).block(Duration.ofSeconds(30)).value()).isEqualTo(today.get(0));
		assertThat(simulator.calls()).isZero();
		assertThat(data.fixture(later).block(Duration.ofSeconds(30)).value().id()).isEqualTo(later);
		assertThat(simulator.callsByPath()).containsExactly(java.util.Map.entry("/fixtures", 1L));
		assertThat(data.fixture(999_999_999).blockOptional(Duration.ofSeconds(30))).isEmpty();
	}

	private record Asked(long fixture, AnalysisKind kind) {
	}

	/** The benchmark's mix: Zipf-skewed fixtures (s = 1), 40% full, 20% goals, 20% result, 10% BTTS, 10% corners. */
	private static List<Asked> mix(List<Fixture> fixtures) {
		Random random = new Random(7);
		double[] weights = new double[fixtures.size()];
		double total = 0;
		for (int i = 0; i < weights.length; i++) {
			total += weights[i] = 1.0 / (i + 1);
		}
		List<Asked> mix = new ArrayList<>();
		for (int user = 0; user < 1000; user++) {
			double pick = random.nextDouble() * total;
			int fixture = 0;
			while (pick > weights[fixture] && fixture < weights.length - 1) {
				pick -= weights[fixture++];
			}
			double kind = random.nextDouble();
			mix.add(new Asked(fixtures.get(fixture).id(), kind < 0.4 ? AnalysisKind.FULL : kind < 0.6 ? AnalysisKind.GOALS
					: kind < 0.8 ? AnalysisKind.RESULT : kind < 0.9 ? AnalysisKind.BTTS : AnalysisKind.CORNERS));
		}
		return mix;
	}
}
