package io.analytips.football.cache;

import java.time.Duration;
import java.time.ZoneOffset;

import io.analytips.common.MutableClock;
import io.analytips.football.api.ApiRequest;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.Requests;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.store.ApiCacheRepository;
import io.analytips.store.DatabaseUrl;
import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache over a PostgreSQL whose {@code api_cache} is locked by another session: each read and
 * write is cancelled at the statement timeout, the answer comes from upstream and memory, and the
 * request key is free again once the load ends.
 */
class FootballCacheDeadlineTests {

	private final MutableClock clock = new MutableClock();

	private final ApiFootballSimulator simulator = ApiFootballSimulator.bundled(clock);

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url, Duration.ofMillis(300));

	private final ApiCacheRepository repository = new ApiCacheRepository(TestDatabase.client(pool), TestDatabase.CALL_TIMEOUT);

	private final ResilientApiFootball api = new ResilientApiFootball(
			new SimulatorTransport(simulator, ApiFootballSimulator.KEY),
			ApiTestSupport.properties("http://unused", ApiFootballSimulator.KEY, 1, 100), clock);

	private final ApiRequest standings = Requests.standings(39, 2024);

	@AfterEach
	void close() {
		pool.dispose();
	}

	@Test
	void aLockedTableCostsALoadTheStatementTimeoutNotItsAnswerNorItsKey() throws Exception {
		FootballCache cache = new FootballCache(repository, new CachePolicy(clock, ZoneOffset.UTC), clock, 64L << 20,
				Duration.ofSeconds(60));
		try (AutoCloseable lock = TestDatabase.lock(url, "api_cache")) {
			StepVerifier.create(Flux.range(0, 20).flatMap(i -> cache.get(standings, api::fetch), 20).count())
				.expectNext(20L)
				.expectComplete()
				.verify(Duration.ofSeconds(10));
			assertThat(simulator.callsOf(standings)).isEqualTo(1);
		}
		// Once the copy is stale, the next request starts a load of its own (the key was not left in
		// flight), and this time the answer reaches PostgreSQL.
		clock.advance(Duration.ofDays(1));
		StepVerifier.create(cache.get(standings, api::fetch)).expectNextCount(1).verifyComplete();
		assertThat(simulator.callsOf(standings)).isEqualTo(2);
		StepVerifier.create(repository.find(standings.key())).expectNextCount(1).verifyComplete();
	}
}
