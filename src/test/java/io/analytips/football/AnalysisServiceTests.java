package io.analytips.football;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import io.analytips.common.MutableClock;
import io.analytips.common.UpstreamCalls;
import io.analytips.football.analysis.MatchAnalysis;
import io.analytips.football.api.ApiFootballException;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.CachePolicy;
import io.analytips.football.cache.FootballCache;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.store.ApiCacheRepository;
import io.analytips.store.MarketPrice;
import io.analytips.store.MarketPriceRepository;
import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Analyses over the simulator, through the real cache on an embedded PostgreSQL. */
class AnalysisServiceTests {

	private final MutableClock clock = new MutableClock();

	private final ApiFootballSimulator simulator = ApiFootballSimulator.bundled(clock);

	private final ConnectionPool pool = TestDatabase.pool(TestDatabase.migrated());

	private final ApiFootballProperties properties = ApiTestSupport.properties("http://unused", ApiFootballSimulator.KEY, 1, 100);

	private final ResilientApiFootball api = new ResilientApiFootball(
			new SimulatorTransport(simulator, ApiFootballSimulator.KEY), properties, clock);

	private final FootballData data = new FootballData(new FootballCache(new ApiCacheRepository(TestDatabase.client(pool), TestDatabase.CALL_TIMEOUT),
			new CachePolicy(clock, properties.timezone()), clock, 64L << 20, java.time.Duration.ofSeconds(60)), api, properties, clock);

	private final AnalysisService analyses = new AnalysisService(data, 5, clock);

	@AfterEach
	void close() {
		pool.dispose();
	}

	private Fixture todaysFixture(int league) {
		return data.fixturesOn(data.today()).block().value().stream().filter(f -> f.league().id() == league)
			.findFirst().orElseThrow();
	}

	@Test
	void analysingAnUpcomingFixtureWritesDownItsPricesForLaterFits() {
		MarketPriceRepository prices = new MarketPriceRepository(TestDatabase.client(pool));
		AnalysisService remembering = new AnalysisService(data, 5, clock, new ModelFitTimes(), new MarketMemory(prices),
				BundledValueRule.get());
		Fixture fixture = data.fixturesOn(data.today()).block().value().stream()
			.filter(f -> f.kickoff().isAfter(clock.instant()))
			.findFirst()
			.orElseThrow();

		StepVerifier.create(remembering.analyze(fixture.id(), AnalysisKind.RESULT)).expectNextCount(1).verifyComplete();

		StepVerifier.create(prices.find(List.of(fixture.id())))
			.assertNext(stored -> assertThat(stored).containsOnlyKeys(fixture.id()))
			.verifyComplete();
	}

	@Test
	void theFitLearnsFromThePricesOfPlayedMatches() {
		Fixture fixture = todaysFixture(39);
		long home = fixture.home().id();
		double plain = analyses.analyze(fixture.id(), AnalysisKind.RESULT).block().analysis().expectedGoals().home();
		// the market rated the home side's every past match a near-certain win for it
		MarketPriceRepository prices = new MarketPriceRepository(TestDatabase.client(pool));
		List<Fixture> played = data.season(39, fixture.league().season()).block().value().stream()
			.filter(Fixture::isFinished)
			.filter(f -> f.home().id() == home || f.away().id() == home)
			.toList();
		assertThat(played).isNotEmpty();
		for (Fixture f : played) {
			boolean atHome = f.home().id() == home;
			prices.save(new MarketPrice(f.id(), atHome ? 0.85 : 0.05, 0.10, atHome ? 0.05 : 0.85, "Pinnacle",
					f.kickoff().minusSeconds(3600), f.kickoff())).block();
		}
		AnalysisService remembering = new AnalysisService(data, 5, clock, new ModelFitTimes(), new MarketMemory(prices),
				BundledValueRule.get());

		StepVerifier.create(remembering.analyze(fixture.id(), AnalysisKind.RESULT))
			.assertNext(report -> assertThat(report.analysis().expectedGoals().home()).isGreaterThan(plain + 0.2))
			.verifyComplete();
	}

	@Test
	void theFitLearnsFromTheOverUnderPricesOfPlayedMatchesToo() {
		Fixture fixture = todaysFixture(39);
		List<Fixture> played = data.season(39, fixture.league().season()).block().value().stream()
			.filter(Fixture::isFinished)
			.toList();
		assertThat(played).isNotEmpty();
		// the same even 1X2 for every played match, once with low and once with high totals
		MarketPriceRepository low = new MarketPriceRepository(TestDatabase.client(pool));
		for (Fixture f : played) {
			low.save(new MarketPrice(f.id(), 0.4, 0.3, 0.3, 0.35, "Pinnacle", f.kickoff().minusSeconds(3600),
					f.kickoff())).block();
		}
		double lowTotal = goals(new AnalysisService(data, 5, clock, new ModelFitTimes(), new MarketMemory(low),
				BundledValueRule.get()), fixture);
		for (Fixture f : played) {
			low.save(new MarketPrice(f.id(), 0.4, 0.3, 0.3, 0.7, "Pinnacle", f.kickoff().minusSeconds(1800),
					f.kickoff())).block();
		}
		double highTotal = goals(new AnalysisService(data, 5, clock, new ModelFitTimes(), new MarketMemory(low),
				BundledValueRule.get()), fixture);

		assertThat(highTotal).isGreaterThan(lowTotal + 0.5);
	}

	private static double goals(AnalysisService service, Fixture fixture) {
		var xg = service.analyze(fixture.id(), AnalysisKind.RESULT).block().analysis().expectedGoals();
		return xg.home() + xg.away();
	}

	@Test
	void countsTheUpstreamCallsOfAColdAnalysisAndNoneWhenItIsAskedAgain() {
		long fixture = todaysFixture(39).id();
		UpstreamCalls cold = new UpstreamCalls();
		UpstreamCalls warm = new UpstreamCalls();
		long before = simulator.calls();

		StepVerifier.create(analyses.analyze(fixture, AnalysisKind.FULL).contextWrite(cold::addTo))
			.expectNextCount(1)
			.verifyComplete();
		StepVerifier.create(analyses.analyze(fixture, AnalysisKind.FULL).contextWrite(warm::addTo))
			.expectNextCount(1)
			.verifyComplete();

		assertThat((long) cold.count()).isPositive().isEqualTo(simulator.calls() - before);
		assertThat(warm.count()).isZero();
	}

	@Test
	void analysesAFixtureOfTodayWithEveryPart() {
		Fixture fixture = todaysFixture(71);
		StepVerifier.create(analyses.analyze(fixture.id(), AnalysisKind.FULL))
			.assertNext(report -> {
				MatchAnalysis analysis = report.analysis();
				var result = analysis.markets().result();
				assertThat(result.home() + result.draw() + result.away()).isCloseTo(1.0, within(1e-9));
				assertThat(analysis.expectedGoals().home()).isBetween(0.3, 4.0);
				assertThat(analysis.corners()).isNotNull();
				assertThat(analysis.corners().expectedTotal()).isBetween(6.0, 15.0);
				assertThat(analysis.homeStanding()).isNotNull();
				assertThat(analysis.homeRating().score()).isBetween(0, 100);
				assertThat(report.rule()).isSameAs(BundledValueRule.forLeague(71));
				// the simulator prices the 1X2: the model beside Pinnacle's price
				assertThat(analysis.comparisons()).extracting(bet -> bet.market() + " " + bet.selection())
					.startsWith("1X2 home", "1X2 draw", "1X2 away");
				assertThat(report.bookmaker()).isEqualTo("Pinnacle");
				assertThat(report.missing()).isEmpty();
				assertThat(report.stale()).isFalse();
				assertThat(report.homeForm()).matches("[WDL]{5}");
				assertThat(analysis.dataSize()).isGreaterThan(20); // this season and the previous one
			})
			.verifyComplete();
	}

	@Test
	void readsCornersOfBothTeamsRecentMatchesInOneBulkCall() {
		Fixture fixture = todaysFixture(39);
		analyses.analyze(fixture.id(), AnalysisKind.CORNERS).block();
		assertThat(simulator.callsByRequest().keySet().stream().filter(request -> request.contains("ids="))).hasSize(1);
		assertThat(simulator.callsByPath()).doesNotContainKey("/fixtures/statistics");
	}

	@Test
	void skipsCornerStatisticsWhenTheyAreNotAskedFor() {
		Fixture fixture = todaysFixture(39);
		StepVerifier.create(analyses.analyze(fixture.id(), AnalysisKind.RESULT))
			.assertNext(report -> assertThat(report.analysis().corners()).isNull())
			.verifyComplete();
		assertThat(simulator.callsByRequest().keySet()).noneMatch(request -> request.contains("ids="));
	}

	@Test
	void saysWhatIsMissingInsteadOfFailing() {
		Fixture far = data.season(39, 2024).block().value().stream()
			.filter(f -> f.isUpcoming() && f.kickoff().isAfter(clock.instant().plus(Duration.ofDays(20))))
			.findFirst().orElseThrow();
		StepVerifier.create(analyses.analyze(far.id(), AnalysisKind.RESULT))
			.assertNext(report -> {
				assertThat(report.missing()).contains(AnalysisReport.Missing.ODDS);
				assertThat(report.bookmaker()).isNull();
				assertThat(report.analysis().value()).isEmpty();
			})
			.verifyComplete();
	}

	@Test
	void anUnknownFixtureIsNotFound() {
		StepVerifier.create(analyses.analyze(12345, AnalysisKind.FULL)).expectError(FixtureNotFoundException.class).verify();
	}

	@Test
	void twoHundredConcurrentIdenticalAnalysesMakeEachUpstreamCallOnce() {
		Fixture fixture = todaysFixture(39);
		simulator.resetCalls();
		simulator.faults().latency(Duration.ofMillis(100));
		StepVerifier.create(Flux.range(0, 200)
				.flatMap(i -> analyses.analyze(fixture.id(), AnalysisKind.FULL).subscribeOn(Schedulers.parallel()), 200)
				.count())
			.expectNext(200L)
			.verifyComplete();
		assertThat(simulator.calls()).isPositive();
		for (String path : List.of("/fixtures", "/standings", "/odds")) {
			assertThat(simulator.callsByPath()).containsKey(path);
		}
		assertThat(simulator.callsByRequest().keySet()).anyMatch(request -> request.startsWith("/fixtures?ids="));
		// Every needed request reached the simulator once, however many analyses wanted it.
		assertThat(simulator.callsByRequest()).isNotEmpty().allSatisfy((request, calls) -> assertThat(calls)
			.as(request).isEqualTo(1L));
		// and the model was fitted once, its time recorded for the league
		ModelFitTimes.LeagueFits fits = analyses.fitTimes().byLeague().get(39);
		assertThat(fits.fits()).isEqualTo(1);
		assertThat(fits.last()).isPositive().isEqualTo(fits.total());
	}

	@Test
	void whenApiFootballIsDownServesTheAnalysisFromCachedDataWithItsAge() {
		Fixture fixture = todaysFixture(71);
		analyses.analyze(fixture.id(), AnalysisKind.FULL).block();
		clock.advance(Duration.ofHours(4));
		simulator.faults().failNext(1000, 503);
		StepVerifier.create(analyses.analyze(fixture.id(), AnalysisKind.FULL))
			.assertNext(report -> {
				assertThat(report.stale()).isTrue();
				assertThat(analyses.age(report)).isGreaterThanOrEqualTo(Duration.ofHours(4));
				assertThat(report.analysis().corners()).isNotNull();
			})
			.verifyComplete();
	}

	@Test
	void whenTheQuotaIsSpentAndNothingIsCachedSaysSo() {
		simulator.faults().quotaExhausted(true);
		StepVerifier.create(analyses.analyze(7100001, AnalysisKind.FULL))
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.QUOTA_EXHAUSTED))
			.verify();
		assertThat(simulator.calls()).isEqualTo(1); // then the guard stopped every other call
		assertThat(api.quota().exhaustedUntil()).isEqualTo(clock.instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1)
			.atStartOfDay(ZoneOffset.UTC).toInstant());
	}
}
