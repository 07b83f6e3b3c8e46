package io.analytips.store;

import java.time.Duration;
import java.time.Instant;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The bot's own record: a fixture's forecast kept once and only before kick-off, never replaced; its score added
 * once; the settled ones listed by league and kick-off.
 */
class ForecastRepositoryTests {

	private static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");

	private static final Instant KICKOFF = Instant.parse("2026-05-10T19:00:00Z");

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final DatabaseClient db = TestDatabase.client(pool);

	private final ForecastRepository forecasts = new ForecastRepository(db, TestDatabase.CALL_TIMEOUT);

	@AfterEach
	void close() {
		pool.dispose();
	}

	private static Forecast forecast(long fixture, int league, Instant kickoff, Instant madeAt, double home) {
		return new Forecast(fixture, league, kickoff, madeAt, home, 0.25, 0.75 - home, 0.55, 2.1, 3.4, 3.6, "Bet365",
				null, null);
	}

	private static Forecast settled(Forecast forecast, int home, int away) {
		return new Forecast(forecast.fixtureId(), forecast.leagueId(), forecast.kickoff(), forecast.madeAt(),
				forecast.home(), forecast.draw(), forecast.away(), forecast.over25(), forecast.marketHome(),
				forecast.marketDraw(), forecast.marketAway(), forecast.bookmaker(), home, away);
	}

	@Test
	void keepsAForecastOnceAndTheFirstStaysAsItWas() {
		Forecast first = forecast(1001, 71, KICKOFF, NOW, 0.5);

		StepVerifier.create(forecasts.keep(first)).expectNext(true).verifyComplete();
		StepVerifier.create(forecasts.keep(forecast(1001, 71, KICKOFF, NOW.plusSeconds(600), 0.3))).as("the second")
			.expectNext(false).verifyComplete();
		StepVerifier.create(forecasts.find(1001)).expectNext(first).verifyComplete();
	}

	@Test
	void refusesAForecastMadeAtOrAfterKickoff() {
		StepVerifier.create(forecasts.keep(forecast(1001, 71, KICKOFF, KICKOFF, 0.5))).as("at kick-off")
			.expectNext(false).verifyComplete();
		StepVerifier.create(forecasts.keep(forecast(1002, 71, KICKOFF, KICKOFF.plusSeconds(1), 0.5))).as("after")
			.expectNext(false).verifyComplete();

		StepVerifier.create(forecasts.find(1001)).verifyComplete();
		StepVerifier.create(forecasts.find(1002)).verifyComplete();
	}

	@Test
	void aForecastWithoutMarketOrOverUnderKeepsItsNulls() {
		Forecast bare = new Forecast(1001, 71, KICKOFF, NOW, 0.5, 0.3, 0.2, null, null, null, null, null, null, null);

		StepVerifier.create(forecasts.keep(bare)).expectNext(true).verifyComplete();
		StepVerifier.create(forecasts.find(1001)).expectNext(bare).verifyComplete();
	}

	@Test
	void findsNothingForAFixtureWithoutAForecast() {
		forecasts.keep(forecast(1001, 71, KICKOFF, NOW, 0.5)).block();

		StepVerifier.create(forecasts.find(1002)).verifyComplete();
	}

	@Test
	void settlesAForecastOnce() {
		Forecast kept = forecast(1001, 71, KICKOFF, NOW, 0.5);
		forecasts.keep(kept).block();
		Instant ended = KICKOFF.plus(Duration.ofHours(2));

		StepVerifier.create(forecasts.settle(1001, 2, 1, ended)).expectNext(true).verifyComplete();
		StepVerifier.create(forecasts.settle(1001, 0, 0, ended.plusSeconds(60))).as("settled already")
			.expectNext(false).verifyComplete();
		StepVerifier.create(forecasts.find(1001)).expectNext(settled(kept, 2, 1)).verifyComplete();

		StepVerifier.create(forecasts.settle(1002, 1, 0, ended)).as("no forecast").expectNext(false).verifyComplete();
	}

	@Test
	void listsOnlyTheSettledForecastsByLeagueThenKickoff() {
		Forecast lateBrazil = forecast(1001, 71, KICKOFF.plusSeconds(3600), NOW, 0.5);
		Forecast earlyBrazil = forecast(1002, 71, KICKOFF, NOW, 0.4);
		Forecast england = forecast(1003, 39, KICKOFF.plusSeconds(7200), NOW, 0.6);
		Forecast open = forecast(1004, 39, KICKOFF, NOW, 0.45);
		for (Forecast each : new Forecast[] { lateBrazil, earlyBrazil, england, open }) {
			forecasts.keep(each).block();
		}
		Instant ended = KICKOFF.plus(Duration.ofHours(4));
		forecasts.settle(1001, 1, 1, ended).block();
		forecasts.settle(1002, 0, 1, ended).block();
		forecasts.settle(1003, 3, 0, ended).block();

		StepVerifier.create(forecasts.settled())
			.expectNext(settled(england, 3, 0), settled(earlyBrazil, 0, 1), settled(lateBrazil, 1, 1))
			.verifyComplete();
	}

	@Test
	void listsNothingUntilAForecastIsSettled() {
		StepVerifier.create(forecasts.settled()).verifyComplete();
		forecasts.keep(forecast(1001, 71, KICKOFF, NOW, 0.5)).block();

		StepVerifier.create(forecasts.settled()).verifyComplete();
	}

	@Test
	void failsWhenTheDatabaseCannotBeReached() {
		pool.dispose();
		Duration wait = Duration.ofSeconds(20);
		StepVerifier.create(forecasts.keep(forecast(1001, 71, KICKOFF, NOW, 0.5))).expectError().verify(wait);
		StepVerifier.create(forecasts.find(1001)).expectError().verify(wait);
		StepVerifier.create(forecasts.settle(1001, 1, 0, NOW)).expectError().verify(wait);
		StepVerifier.create(forecasts.settled()).expectError().verify(wait);
	}
}
