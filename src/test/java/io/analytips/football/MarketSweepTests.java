package io.analytips.football;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.analytips.common.MutableClock;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.CachePolicy;
import io.analytips.football.cache.FootballCache;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.store.ApiCacheRepository;
import io.analytips.store.MarketPriceRepository;
import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Sweeps over the simulator's day, into the real table on an embedded PostgreSQL. */
class MarketSweepTests {

	private final MutableClock clock = new MutableClock();

	private final ApiFootballSimulator simulator = ApiFootballSimulator.bundled(clock);

	private final ConnectionPool pool = TestDatabase.pool(TestDatabase.migrated());

	private final ApiFootballProperties properties = ApiTestSupport.properties("http://unused", ApiFootballSimulator.KEY, 1, 100);

	private final FootballData data = new FootballData(new FootballCache(new ApiCacheRepository(TestDatabase.client(pool), TestDatabase.CALL_TIMEOUT),
			new CachePolicy(clock, properties.timezone()), clock, 64L << 20, java.time.Duration.ofSeconds(60)),
			new ResilientApiFootball(new SimulatorTransport(simulator, ApiFootballSimulator.KEY), properties, clock),
			properties, clock);

	private final MarketPriceRepository repository = new MarketPriceRepository(TestDatabase.client(pool));

	private final MarketSweep sweep = new MarketSweep(data, new MarketMemory(repository), clock);

	@AfterEach
	void close() {
		pool.dispose();
	}

	@Test
	void writesDownThePricesOfEveryFixtureOfTheDayThatHasNotKickedOff() {
		List<Fixture> today = data.fixturesOn(data.today()).block().value();
		List<Long> upcoming = today.stream().filter(f -> f.kickoff().isAfter(clock.instant())).map(Fixture::id).toList();
		assertThat(upcoming).isNotEmpty();

		StepVerifier.create(sweep.sweep()).expectNext((long) upcoming.size()).verifyComplete();

		StepVerifier.create(repository.find(today.stream().map(Fixture::id).toList()))
			.assertNext(stored -> {
				assertThat(stored).containsOnlyKeys(upcoming);
				stored.values().forEach(p -> {
					assertThat(p.home() + p.draw() + p.away()).isCloseTo(1.0, within(1e-9));
					assertThat(p.observedAt()).isBefore(p.kickoff());
				});
			})
			.verifyComplete();
	}

	@Test
	void writesNothingOnceEveryFixtureHasKickedOff() {
		Instant lastKickoff = data.fixturesOn(data.today()).block().value().stream().map(Fixture::kickoff)
			.max(Instant::compareTo).orElseThrow();
		clock.advance(Duration.between(clock.instant(), lastKickoff.plusSeconds(60)));

		StepVerifier.create(sweep.sweep()).expectNext(0L).verifyComplete();
	}

	@Test
	void aDayThatCannotBeReadGivesNoPricesAndNoError() {
		simulator.faults().failNext(1000, 503);

		StepVerifier.create(sweep.sweep()).expectNext(0L).verifyComplete();
	}

	@Test
	void fixturesWhoseOddsCannotBeReadAreSkipped() {
		data.fixturesOn(data.today()).block();
		simulator.faults().failNext(1000, 503);

		StepVerifier.create(sweep.sweep()).expectNext(0L).verifyComplete();
		assertThat(simulator.callsByPath()).containsKey("/odds");
	}

	@Test
	void readsEachLeaguesOddsWithOneNarrowQuery() {
		StepVerifier.create(sweep.sweep()).expectNextCount(1).verifyComplete();

		assertThat(simulator.callsByRequest().keySet()).filteredOn(request -> request.startsWith("/odds"))
			.hasSize(2) // today's Premier League and Brasileirão games: one page each
			.allMatch(request -> request.contains("league=") && request.contains("season=") && request.contains("date="));
	}

	@Test
	void sweepsSpendNoMoreThanTheBackgroundShareOfTheDailyQuota() {
		simulator.plan(100, 1000);
		ApiFootballProperties fivePercent = ApiTestSupport.withBackgroundShare(properties, 5);
		ResilientApiFootball api = new ResilientApiFootball(new SimulatorTransport(simulator, ApiFootballSimulator.KEY),
				fivePercent, clock);
		FootballData sweptData = new FootballData(new FootballCache(new ApiCacheRepository(TestDatabase.client(pool), TestDatabase.CALL_TIMEOUT),
				new CachePolicy(clock, properties.timezone()), clock, 64L << 20, Duration.ofSeconds(60)), api, fivePercent,
				clock);
		MarketSweep sweeps = new MarketSweep(sweptData, new MarketMemory(repository), clock);
		for (int round = 0; round < 6; round++) { // every 30 minutes, past every cache's freshness for today's odds
			StepVerifier.create(sweeps.sweep()).expectNextCount(1).verifyComplete();
			clock.advance(Duration.ofMinutes(31));
		}
		assertThat(simulator.calls()).isEqualTo(5);
		assertThat(api.quotaPlan().spent()).isEqualTo(5);
		assertThat(api.quotaPlan().refused()).isPositive();
		// a user still has the rest of the day
		StepVerifier.create(sweptData.standings(39, 2024)).expectNextCount(1).verifyComplete();
		assertThat(simulator.calls()).isEqualTo(6);
	}
}
