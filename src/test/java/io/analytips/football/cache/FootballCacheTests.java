package io.analytips.football.cache;

import java.time.Duration;
import java.util.List;

import io.analytips.common.MutableClock;
import io.analytips.common.UpstreamCalls;
import io.analytips.football.api.ApiFootballException;
import io.analytips.football.api.ApiRequest;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.Requests;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.store.ApiCacheRepository;
import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Both tiers on a real (embedded) PostgreSQL, in front of the simulator. */
class FootballCacheTests {

	private final MutableClock clock = new MutableClock();

	private final ApiFootballSimulator simulator = ApiFootballSimulator.bundled(clock);

	private final ConnectionPool pool = TestDatabase.pool(TestDatabase.migrated());

	private final ApiCacheRepository repository = new ApiCacheRepository(TestDatabase.client(pool), TestDatabase.CALL_TIMEOUT);

	/** One attempt per call, so failures need no waiting. */
	private final ResilientApiFootball api = new ResilientApiFootball(
			new SimulatorTransport(simulator, ApiFootballSimulator.KEY),
			ApiTestSupport.properties("http://unused", ApiFootballSimulator.KEY, 1, 100), clock);

	private final ApiRequest standings = Requests.standings(39, 2024);

	@AfterEach
	void close() {
		pool.dispose();
	}

	private FootballCache cache() {
		return new FootballCache(repository, new CachePolicy(clock, java.time.ZoneOffset.UTC), clock, 64L << 20, java.time.Duration.ofSeconds(60));
	}

	@Test
	void twoHundredConcurrentIdenticalRequestsMakeOneUpstreamCall() {
		simulator.faults().latency(Duration.ofMillis(200));
		FootballCache cache = cache();
		StepVerifier.create(Flux.range(0, 200)
				.flatMap(i -> cache.get(standings, api::fetch).subscribeOn(Schedulers.parallel()), 200)
				.map(cached -> cached.value().path("response").size())
				.collectList())
			.assertNext(sizes -> assertThat(sizes).hasSize(200).containsOnly(1))
			.verifyComplete();
		assertThat(simulator.callsOf(standings)).isEqualTo(1);
		assertThat(cache.stats().upstreamCalls()).isEqualTo(1);
		assertThat(cache.stats().sharedCalls() + cache.stats().memoryHits()).isEqualTo(199);
	}

	@Test
	void countsTheUpstreamCallForTheRequestThatStartedTheLoadAndNoneForTheOnesThatShareIt() {
		simulator.faults().latency(Duration.ofMillis(200));
		FootballCache cache = cache();
		UpstreamCalls starter = new UpstreamCalls();
		UpstreamCalls follower = new UpstreamCalls();
		StepVerifier.create(Mono.zip(cache.get(standings, api::fetch).contextWrite(starter::addTo),
				cache.get(standings, api::fetch).contextWrite(follower::addTo)))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(simulator.callsOf(standings)).isEqualTo(1);
		assertThat(cache.stats().sharedCalls()).isEqualTo(1);
		assertThat(starter.count()).isEqualTo(1);
		assertThat(follower.count()).isZero();
	}

	@Test
	void countsNoUpstreamCallForAnAnswerFromEitherTier() {
		cache().get(standings, api::fetch).block();
		UpstreamCalls fromMemory = new UpstreamCalls();
		UpstreamCalls fromPostgres = new UpstreamCalls();
		FootballCache restarted = cache();
		StepVerifier.create(restarted.get(standings, api::fetch).contextWrite(fromPostgres::addTo)
				.then(restarted.get(standings, api::fetch).contextWrite(fromMemory::addTo)))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(restarted.stats().databaseHits()).isEqualTo(1);
		assertThat(restarted.stats().memoryHits()).isEqualTo(1);
		assertThat(fromPostgres.count()).isZero();
		assertThat(fromMemory.count()).isZero();
	}

	@Test
	void countsAFailedUpstreamCallEvenWhenAStaleCopyIsServed() {
		FootballCache cache = cache();
		cache.get(standings, api::fetch).block();
		clock.advance(Duration.ofHours(4));
		simulator.faults().failNext(1, 503);
		UpstreamCalls calls = new UpstreamCalls();
		StepVerifier.create(cache.get(standings, api::fetch).contextWrite(calls::addTo))
			.assertNext(cached -> assertThat(cached.stale()).isTrue())
			.verifyComplete();
		assertThat(calls.count()).isEqualTo(1);
	}

	@Test
	void aCallerContentWithAnOlderCopyGetsItPastItsTimeToLiveAndAFreshOneBeyondItsMaxAge() {
		FootballCache cache = cache();
		cache.get(standings, api::fetch).block(); // fresh for 3 h
		clock.advance(Duration.ofHours(4));

		StepVerifier.create(cache.get(standings, api::fetch, Duration.ofHours(5)))
			.assertNext(cached -> assertThat(cached.stale()).isFalse())
			.verifyComplete();
		assertThat(simulator.callsOf(standings)).as("the 4 h old copy will do").isEqualTo(1);
		StepVerifier.create(cache().get(standings, api::fetch, Duration.ofHours(5))).expectNextCount(1).verifyComplete();
		assertThat(simulator.callsOf(standings)).as("from PostgreSQL too").isEqualTo(1);

		StepVerifier.create(cache.get(standings, api::fetch, Duration.ofHours(2))).expectNextCount(1).verifyComplete();
		assertThat(simulator.callsOf(standings)).as("too old for this caller").isEqualTo(2);
	}

	@Test
	void servesFreshAnswersFromMemoryWithoutCallingAgain() {
		FootballCache cache = cache();
		StepVerifier.create(cache.get(standings, api::fetch)).assertNext(c -> assertThat(c.stale()).isFalse()).verifyComplete();
		StepVerifier.create(cache.get(standings, api::fetch)).expectNextCount(1).verifyComplete();
		assertThat(simulator.callsOf(standings)).isEqualTo(1);
		assertThat(cache.stats().memoryHits()).isEqualTo(1);
	}

	@Test
	void afterARestartAnswersComeFromPostgresqlWithoutAnUpstreamCall() {
		cache().get(standings, api::fetch).block();
		FootballCache restarted = cache();
		StepVerifier.create(restarted.get(standings, api::fetch))
			.assertNext(cached -> {
				assertThat(cached.stale()).isFalse();
				assertThat(cached.value().path("response").get(0).path("league").path("standings").get(0)).hasSize(20);
			})
			.verifyComplete();
		assertThat(simulator.callsOf(standings)).isEqualTo(1);
		assertThat(restarted.stats().databaseHits()).isEqualTo(1);
	}

	@Test
	void servesTheLastGoodCopyMarkedStaleWhenUpstreamFails() {
		FootballCache cache = cache();
		cache.get(standings, api::fetch).block();
		clock.advance(Duration.ofHours(4)); // standings are fresh for 3 h
		simulator.faults().failNext(1, 503);
		StepVerifier.create(cache.get(standings, api::fetch))
			.assertNext(cached -> {
				assertThat(cached.stale()).isTrue();
				assertThat(cached.age(clock)).isEqualTo(Duration.ofHours(4));
			})
			.verifyComplete();
		assertThat(simulator.callsOf(standings)).isEqualTo(2);
		assertThat(cache.stats().staleServed()).isEqualTo(1);
	}

	@Test
	void whenTheQuotaIsSpentServesCachedDataAndStopsCalling() {
		FootballCache cache = cache();
		cache.get(standings, api::fetch).block();
		clock.advance(Duration.ofHours(4));
		simulator.faults().quotaExhausted(true);
		for (int i = 0; i < 3; i++) {
			StepVerifier.create(cache.get(standings, api::fetch)).assertNext(c -> assertThat(c.stale()).isTrue())
				.verifyComplete();
		}
		assertThat(simulator.callsOf(standings)).isEqualTo(2); // one call learnt the quota was spent; none after
		StepVerifier.create(cache.get(Requests.standings(71, 2023), api::fetch))
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.QUOTA_EXHAUSTED))
			.verify();
		assertThat(simulator.callsOf(Requests.standings(71, 2023))).isZero();
	}

	@Test
	void failsWhenThereIsNoCopyToServe() {
		simulator.faults().failNext(1, 500);
		StepVerifier.create(cache().get(standings, api::fetch))
			.expectErrorMatches(error -> error instanceof ApiFootballException ex && ex.kind() == ApiFootballException.Kind.SERVER)
			.verify();
	}

	@Test
	void aBadRequestIsNotHiddenBehindAStaleCopy() {
		FootballCache cache = cache();
		cache.get(standings, api::fetch).block();
		clock.advance(Duration.ofHours(4));
		StepVerifier.create(cache.get(standings, request -> reactor.core.publisher.Mono.<JsonNode>error(
				new ApiFootballException(ApiFootballException.Kind.BAD_REQUEST, "plan"))))
			.expectError(ApiFootballException.class)
			.verify();
	}

	@Test
	void clearingEmptiesBothTiers() {
		FootballCache cache = cache();
		cache.get(standings, api::fetch).block();
		StepVerifier.create(cache.clear()).expectNext(1L).verifyComplete();
		cache.get(standings, api::fetch).block();
		assertThat(simulator.callsOf(standings)).isEqualTo(2);
	}

	@Test
	void keepsAnswersWhenPostgresqlCannotBeWritten() {
		ConnectionPool closed = TestDatabase.pool(TestDatabase.migrated());
		closed.dispose();
		FootballCache cache = new FootballCache(new ApiCacheRepository(TestDatabase.client(closed), TestDatabase.CALL_TIMEOUT),
				new CachePolicy(clock, java.time.ZoneOffset.UTC), clock, 64L << 20, java.time.Duration.ofSeconds(60));
		StepVerifier.create(cache.get(standings, api::fetch)).expectNextCount(1).verifyComplete();
		StepVerifier.create(cache.get(standings, api::fetch)).expectNextCount(1).verifyComplete();
		assertThat(simulator.callsOf(standings)).isEqualTo(1);
		assertThat(List.of(cache.stats().memoryHits())).containsExactly(1L);
	}
}
