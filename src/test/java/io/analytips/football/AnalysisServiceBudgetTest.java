package io.analytips.football;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.analytips.football.api.ApiFootballException;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.Requests;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.CachePolicy;
import io.analytips.football.cache.FootballCache;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.support.MemoryApiCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.scheduler.clock.SchedulerClock;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analysis's upstream work against the free plan's 10 calls a minute, in virtual time: it ends within
 * its budget (45 s, below the handler's 60 s), with a report or an error the bot can put in words, and
 * leaves nothing behind that keeps spending calls.
 */
class AnalysisServiceBudgetTest {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();

	private final Clock clock = SchedulerClock.of(time);

	private final ApiFootballSimulator simulator = ApiFootballSimulator.bundled(clock);

	private final ApiFootballProperties properties = ApiTestSupport.freePlan("http://unused", ApiFootballSimulator.KEY);

	private final ResilientApiFootball api = new ResilientApiFootball(
			new SimulatorTransport(simulator, ApiFootballSimulator.KEY), properties, clock);

	private final FootballCache cache = new FootballCache(new MemoryApiCache(),
			new CachePolicy(clock, properties.timezone()), clock, 64L << 20, Duration.ofSeconds(60));

	private final FootballData data = new FootballData(cache, api, properties, clock);

	private final AnalysisService analyses = new AnalysisService(data, 5, clock);

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}

	@Test
	void anAnalysisThatCannotHaveItsDataInTimeSaysSoAtOnceAndSendsNothing() {
		long fixture = simulator.todaysFixtureIds().get(0);
		for (int i = 0; i < 10; i++) { // this minute's calls are spent: the next is 60 s away, past the budget
			StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
		}
		simulator.resetCalls();

		StepVerifier.withVirtualTime(() -> analyses.analyze(fixture, AnalysisKind.FULL), () -> time, Long.MAX_VALUE)
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.BUSY))
			.verify();

		assertThat(time.now(TimeUnit.MILLISECONDS)).isZero();
		time.advanceTimeBy(Duration.ofMinutes(5));
		assertThat(simulator.calls()).isZero();
		assertThat(cache.stats().inFlight()).isZero();
	}

	@Test
	void coldAnalysesOfEveryFixtureOfTheDayEachEndWithinTheBudgetAndLeaveNothingSpending() {
		List<Long> fixtures = simulator.todaysFixtureIds();
		assertThat(fixtures).hasSizeGreaterThan(5);
		Map<Long, Long> endedAt = new ConcurrentHashMap<>();
		Map<Long, String> outcome = new ConcurrentHashMap<>();
		time.advanceTimeBy(Duration.ofSeconds(20)); // the minute's calls come back 40 s after the start: within the budget

		StepVerifier.withVirtualTime(() -> Flux.fromIterable(fixtures)
				.flatMap(id -> analyses.analyze(id, AnalysisKind.FULL)
					.map(report -> "report")
					.onErrorResume(ApiFootballException.class, error -> Mono.just(error.kind().name()))
					.doOnNext(result -> {
						endedAt.put(id, time.now(TimeUnit.MILLISECONDS) - 20_000);
						outcome.put(id, result);
					})), () -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(45))
			.expectNextCount(fixtures.size())
			.verifyComplete();

		assertThat(endedAt).hasSize(fixtures.size()).allSatisfy((id, at) -> assertThat(at).isLessThanOrEqualTo(45_000));
		assertThat(outcome).containsValue("report"); // the first ones got their data
		long calls = simulator.calls();
		assertThat(calls).isLessThanOrEqualTo(20); // two minutes' worth at most
		assertThat(cache.stats().inFlight()).isZero();
		time.advanceTimeBy(Duration.ofMinutes(10));
		assertThat(simulator.calls()).isEqualTo(calls);
	}
}
