package io.analytips.football;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.analytips.football.analysis.FairPrices;
import io.analytips.football.analysis.OneXTwo;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.FixtureOdds;
import io.analytips.football.api.LeagueRef;
import io.analytips.football.api.TeamRef;
import io.analytips.football.cache.Cached;
import io.analytips.store.MarketPrice;
import io.analytips.store.MarketPriceRepository;
import io.analytips.support.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MarketMemoryTests {

	private static final Instant KICKOFF = Instant.parse("2025-03-01T15:00:00Z");

	private final ConnectionPool pool = TestDatabase.pool(TestDatabase.migrated());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final MarketMemory memory = new MarketMemory(new MarketPriceRepository(TestDatabase.client(pool)), meters);

	@AfterEach
	void close() {
		pool.dispose();
	}

	@Test
	void keepsThePreferredBookmakersPricesWithoutTheMarginAndGivesThemBack() {
		StepVerifier.create(memory.record(fixture(1), odds(1, "2025-03-01T09:00:00Z"))).expectNext(true).verifyComplete();

		StepVerifier.create(memory.prices(List.of(1L, 2L)))
			.assertNext(prices -> {
				assertThat(prices).containsOnlyKeys(1L);
				OneXTwo fair = prices.get(1L).result();
				// Pinnacle's 2.00 / 3.50 / 4.00 (Bet365's are ignored): booksum 1.0357
				assertThat(fair.home()).isCloseTo(0.5 / 1.0357143, within(1e-6));
				assertThat(fair.home() + fair.draw() + fair.away()).isCloseTo(1.0, within(1e-12));
				// no 2.5 line priced: the fit learns from the 1X2 alone
				assertThat(prices.get(1L).over25()).isNull();
			})
			.verifyComplete();
	}

	@Test
	void keepsThePreferredBookmakersOverTwoAndAHalfWithoutTheMarginBesideThe1x2() {
		Cached<FixtureOdds> withTotals = new Cached<>(new FixtureOdds(1, KICKOFF, List.of(bookmaker(8, "Bet365", 1.5,
				4.0, 6.0, 1.5, 2.5), bookmaker(4, "Pinnacle", 2.0, 3.5, 4.0, 1.8, 2.1))), Instant.parse("2025-03-01T09:00:00Z"),
				false);

		StepVerifier.create(memory.record(fixture(1), withTotals)).expectNext(true).verifyComplete();

		StepVerifier.create(memory.prices(List.of(1L)))
			.assertNext(prices -> {
				FairPrices fair = prices.get(1L);
				// Pinnacle's 1.80 / 2.10 (not Bet365's), margin removed: (1/1.8) / (1/1.8 + 1/2.1)
				assertThat(fair.over25()).isCloseTo((1 / 1.8) / (1 / 1.8 + 1 / 2.1), within(1e-9));
				assertThat(fair.result().home()).isCloseTo(0.5 / 1.0357143, within(1e-6));
			})
			.verifyComplete();
	}

	@Test
	void aLaterReadingWithoutTotalsKeepsTheStoredOverTwoAndAHalf() {
		Cached<FixtureOdds> withTotals = new Cached<>(new FixtureOdds(1, KICKOFF, List.of(bookmaker(4, "Pinnacle", 2.0,
				3.5, 4.0, 1.8, 2.1))), Instant.parse("2025-03-01T09:00:00Z"), false);
		memory.record(fixture(1), withTotals).block();

		StepVerifier.create(memory.record(fixture(1), odds(1, "2025-03-01T14:00:00Z"))).expectNext(true).verifyComplete();

		StepVerifier.create(memory.prices(List.of(1L)))
			.assertNext(prices -> assertThat(prices.get(1L).over25()).isCloseTo((1 / 1.8) / (1 / 1.8 + 1 / 2.1),
					within(1e-9)))
			.verifyComplete();
	}

	@Test
	void anImpossibleTotalsPriceLeavesTheTotalsOutButKeepsThe1x2() {
		Cached<FixtureOdds> badTotals = new Cached<>(new FixtureOdds(1, KICKOFF, List.of(bookmaker(4, "Pinnacle", 2.0,
				3.5, 4.0, 1.0, 2.1))), Instant.parse("2025-03-01T09:00:00Z"), false);

		StepVerifier.create(memory.record(fixture(1), badTotals)).expectNext(true).verifyComplete();

		StepVerifier.create(memory.prices(List.of(1L)))
			.assertNext(prices -> {
				assertThat(prices).containsOnlyKeys(1L);
				assertThat(prices.get(1L).over25()).isNull();
			})
			.verifyComplete();
	}

	@Test
	void writesOnlyANewerReadingOfTheSameFixture() {
		memory.record(fixture(1), odds(1, "2025-03-01T09:00:00Z")).block();

		StepVerifier.create(memory.record(fixture(1), odds(1, "2025-03-01T09:00:00Z"))).expectNext(false).verifyComplete();
		StepVerifier.create(memory.record(fixture(1), odds(1, "2025-03-01T08:00:00Z"))).expectNext(false).verifyComplete();
		StepVerifier.create(memory.record(fixture(1), odds(1, "2025-03-01T14:00:00Z"))).expectNext(true).verifyComplete();
		assertThat(meters.counter("analytips.market.prices.written").count()).isEqualTo(2);
	}

	@Test
	void ignoresOddsReadAfterKickOffAndOddsWithoutAMatchWinner() {
		StepVerifier.create(memory.record(fixture(1), odds(1, "2025-03-01T15:30:00Z"))).expectNext(false).verifyComplete();
		Cached<FixtureOdds> noWinner = new Cached<>(new FixtureOdds(1, KICKOFF, List.of(new FixtureOdds.Bookmaker(4,
				"Pinnacle", List.of(new FixtureOdds.Bet(5, "Goals Over/Under", List.of(new FixtureOdds.Value("Over 2.5", 1.9),
						new FixtureOdds.Value("Under 2.5", 1.9))))))), Instant.parse("2025-03-01T09:00:00Z"), false);
		StepVerifier.create(memory.record(fixture(1), noWinner)).expectNext(false).verifyComplete();

		StepVerifier.create(memory.prices(List.of(1L))).expectNext(Map.of()).verifyComplete();
	}

	@Test
	void aStoreThatFailsLosesThePricesButNeverTheAnalysis() {
		MarketMemory broken = new MarketMemory(new MarketPriceRepository(null) {
			@Override
			public Mono<Boolean> save(MarketPrice price) {
				return Mono.error(new IllegalStateException("database down"));
			}

			@Override
			public Mono<Map<Long, MarketPrice>> find(Collection<Long> fixtureIds) {
				return Mono.error(new IllegalStateException("database down"));
			}
		});

		StepVerifier.create(broken.record(fixture(1), odds(1, "2025-03-01T09:00:00Z"))).expectNext(false).verifyComplete();
		StepVerifier.create(broken.prices(List.of(1L))).expectNext(Map.of()).verifyComplete();
	}

	@Test
	void aForgetfulMemoryKeepsNothing() {
		MarketMemory forgetful = MarketMemory.forgetful();

		StepVerifier.create(forgetful.record(fixture(1), odds(1, "2025-03-01T09:00:00Z"))).expectNext(false).verifyComplete();
		StepVerifier.create(forgetful.prices(List.of(1L))).expectNext(Map.of()).verifyComplete();
	}

	private static Fixture fixture(long id) {
		return new Fixture(id, KICKOFF, "NS", null, new LeagueRef(39, "Premier League", "England", 2024, "Regular Season - 1"),
				new TeamRef(10, "Arsenal", null), new TeamRef(20, "Chelsea", null), null, null, null, null);
	}

	private static Cached<FixtureOdds> odds(long fixture, String readAt) {
		return new Cached<>(new FixtureOdds(fixture, KICKOFF, List.of(bookmaker(8, "Bet365", 1.5, 4.0, 6.0),
				bookmaker(4, "Pinnacle", 2.0, 3.5, 4.0))), Instant.parse(readAt), false);
	}

	private static FixtureOdds.Bookmaker bookmaker(int id, String name, double home, double draw, double away,
			double over, double under) {
		return new FixtureOdds.Bookmaker(id, name, List.of(new FixtureOdds.Bet(1, "Match Winner",
				List.of(new FixtureOdds.Value("Home", home), new FixtureOdds.Value("Draw", draw),
						new FixtureOdds.Value("Away", away))),
				new FixtureOdds.Bet(5, "Goals Over/Under", List.of(new FixtureOdds.Value("Over 2.5", over),
						new FixtureOdds.Value("Under 2.5", under), new FixtureOdds.Value("Over 3.5", 3.0),
						new FixtureOdds.Value("Under 3.5", 1.4)))));
	}

	private static FixtureOdds.Bookmaker bookmaker(int id, String name, double home, double draw, double away) {
		return new FixtureOdds.Bookmaker(id, name, List.of(new FixtureOdds.Bet(1, "Match Winner",
				List.of(new FixtureOdds.Value("Home", home), new FixtureOdds.Value("Draw", draw),
						new FixtureOdds.Value("Away", away)))));
	}
}
