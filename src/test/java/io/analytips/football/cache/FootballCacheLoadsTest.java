package io.analytips.football.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;

import io.analytips.football.api.ApiFootballException;
import io.analytips.football.api.ApiRequest;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.Requests;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.support.CapturedLogs;
import io.analytips.support.MemoryApiCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.scheduler.clock.SchedulerClock;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache's loads in virtual time, in front of the simulator at the free plan's 10 calls a minute:
 * tracked, bounded by a deadline, cancelled when nobody waits or the cache stops; and the memory tier
 * bounded by the size of its answers.
 */
class FootballCacheLoadsTest {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();

	private final Clock clock = SchedulerClock.of(time);

	private final ApiFootballSimulator simulator = ApiFootballSimulator.bundled(clock);

	private final MemoryApiCache database = new MemoryApiCache();

	private final ResilientApiFootball api = new ResilientApiFootball(
			new SimulatorTransport(simulator, ApiFootballSimulator.KEY),
			ApiTestSupport.freePlan("http://unused", ApiFootballSimulator.KEY), clock);

	private final ApiRequest standings = Requests.standings(39, 2024);

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}

	private FootballCache cache(long maxJsonChars, Duration loadDeadline) {
		return new FootballCache(database, new CachePolicy(clock, ZoneOffset.UTC), clock, maxJsonChars, loadDeadline);
	}

	private FootballCache cache() {
		return cache(64L << 20, Duration.ofSeconds(60));
	}

	/** Spends this minute's ten calls, then lets 20 s pass: the next permit is 40 s away. */
	private void spendTheMinute() {
		for (int i = 0; i < 10; i++) {
			StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
		}
		time.advanceTimeBy(Duration.ofSeconds(20));
	}

	@Test
	void aLoadNobodyWaitsForAnyMoreIsCancelledAndSendsNothing() {
		FootballCache cache = cache();
		spendTheMinute();
		Disposable reader = cache.get(standings, api::fetch).subscribe();
		assertThat(cache.stats().inFlight()).isEqualTo(1);

		time.advanceTimeBy(Duration.ofSeconds(10));
		reader.dispose();

		assertThat(cache.stats().inFlight()).isZero();
		assertThat(cache.stats().abandoned()).isEqualTo(1);
		time.advanceTimeBy(Duration.ofMinutes(2));
		assertThat(simulator.callsOf(standings)).isZero();
		assertThat(api.minuteCallsLeft()).isEqualTo(10); // no permit taken
	}

	@Test
	void aLoadGoesOnForTheReadersStillWaitingWhenOneLeaves() {
		FootballCache cache = cache();
		spendTheMinute();
		Disposable leaving = cache.get(standings, api::fetch).subscribe();
		StepVerifier.withVirtualTime(() -> cache.get(standings, api::fetch), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.then(leaving::dispose)
			.thenAwait(Duration.ofSeconds(40))
			.assertNext(cached -> assertThat(cached.stale()).isFalse())
			.verifyComplete();
		assertThat(simulator.callsOf(standings)).isEqualTo(1);
		assertThat(cache.stats().abandoned()).isZero();
	}

	@Test
	void anAttemptAlreadyOnTheWireIsLetFinishAndItsAnswerIsKept() {
		FootballCache cache = cache();
		simulator.faults().latency(Duration.ofSeconds(5));
		Disposable reader = cache.get(standings, api::fetch).subscribe();
		time.advanceTimeBy(Duration.ofSeconds(1));
		reader.dispose();
		time.advanceTimeBy(Duration.ofSeconds(5));

		assertThat(cache.stats().abandoned()).isZero();
		assertThat(cache.stats().inFlight()).isZero();
		simulator.faults().reset();
		StepVerifier.create(cache.get(standings, api::fetch)).expectNextCount(1).verifyComplete();
		assertThat(cache.stats().memoryHits()).isEqualTo(1);
		assertThat(simulator.callsOf(standings)).isEqualTo(1);
	}

	@Test
	void everyLoadEndsByItsDeadlineAndAFailedLoadIsLoggedAndCounted() {
		FootballCache cache = cache(64L << 20, Duration.ofSeconds(20));
		try (CapturedLogs logs = CapturedLogs.of(FootballCache.class.getName())) {
			StepVerifier.withVirtualTime(() -> cache.get(standings, request -> Mono.never()), () -> time, Long.MAX_VALUE)
				.expectSubscription()
				.expectNoEvent(Duration.ofMillis(19_999))
				.thenAwait(Duration.ofMillis(1))
				.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
					.isEqualTo(ApiFootballException.Kind.TIMEOUT))
				.verify();
			assertThat(cache.stats().failures()).isEqualTo(1);
			assertThat(cache.stats().inFlight()).isZero();
			assertThat(logs.events()).anySatisfy(event -> {
				assertThat(event.getLevel().toString()).isEqualTo("WARN");
				assertThat(event.getFormattedMessage()).startsWith("Could not load " + standings.key());
			});
		}
	}

	@Test
	void stoppingCancelsTheLoadsInFlightAndTellsTheirReaders() {
		FootballCache cache = cache();
		StepVerifier.create(cache.get(Requests.standings(71, 2023), api::fetch)).expectNextCount(1).verifyComplete();
		AtomicBoolean cancelled = new AtomicBoolean();
		StepVerifier.create(cache.get(standings, request -> Mono.<JsonNode>never().doOnCancel(() -> cancelled.set(true))))
			.expectSubscription()
			.then(cache::destroy)
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.BUSY))
			.verify(Duration.ofSeconds(5));
		assertThat(cancelled).isTrue();
		assertThat(cache.stats().inFlight()).isZero();
		// what is in memory is still served; a miss fails at once instead of starting a load
		StepVerifier.create(cache.get(Requests.standings(71, 2023), api::fetch)).expectNextCount(1).verifyComplete();
		StepVerifier.create(cache.get(standings, api::fetch)).expectError(ApiFootballException.class).verify();
		assertThat(simulator.callsOf(standings)).isZero();
	}

	@Test
	void theMemoryTierHoldsAnswersUpToItsBoundInCharactersOfJsonAndTheRestComesFromPostgresql() {
		ApiRequest other = Requests.standings(71, 2023);
		long one = api.fetch(standings).block().toString().length();
		long two = api.fetch(other).block().toString().length();
		simulator.resetCalls();
		FootballCache cache = cache(Math.max(one, two) * 3 / 2, Duration.ofSeconds(60));

		cache.get(standings, api::fetch).block();
		cache.get(other, api::fetch).block();

		assertThat(cache.stats().entries()).isEqualTo(1); // the two together are over the bound: one was let go
		assertThat(cache.stats().jsonChars()).isLessThanOrEqualTo(Math.max(one, two) * 3 / 2).isPositive();
		cache.get(standings, api::fetch).block();
		cache.get(other, api::fetch).block();
		assertThat(cache.stats().databaseHits()).isEqualTo(1);
		assertThat(cache.stats().memoryHits()).isEqualTo(1);
		assertThat(simulator.calls()).isEqualTo(2);
	}

	@Test
	void anAnswerLargerThanTheWholeBoundIsServedButNeverHeldInMemory() {
		long size = api.fetch(standings).block().toString().length();
		simulator.resetCalls();
		FootballCache cache = cache(size - 1, Duration.ofSeconds(60));

		StepVerifier.create(cache.get(standings, api::fetch)).expectNextCount(1).verifyComplete();

		assertThat(cache.stats().entries()).isZero();
		StepVerifier.create(cache.get(standings, api::fetch)).expectNextCount(1).verifyComplete();
		assertThat(cache.stats().databaseHits()).isEqualTo(1);
		assertThat(simulator.calls()).isEqualTo(1);
	}
}
