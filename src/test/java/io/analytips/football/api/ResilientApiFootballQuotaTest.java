package io.analytips.football.api;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily quota against the simulator: read from each answer's headers (an empty answer's too), spent until the
 * next day, and shared so that background calls leave users theirs.
 */
class ResilientApiFootballQuotaTest extends ResilientApiFixture {

	@Test
	void readsTheQuotaHeadersIntoItsStatus() {
		ResilientApiFootball api = api();
		StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
		assertThat(api.quota().dailyLimit()).isEqualTo(7500);
		assertThat(api.quota().dailyRemaining()).isEqualTo(7499);
		assertThat(api.quota().minuteRemaining()).isEqualTo(299);
	}

	@Test
	void emitsNothingButTheEnvelopeForAnEmptyAnswer() {
		StepVerifier.create(api().fetch(Requests.fixturesOfSeason(1, 1900)))
			.assertNext(envelope -> assertThat(Wire.fixtures(envelope)).isEmpty())
			.verifyComplete();
	}

	@Test
	void aSpentQuotaStopsCallsUntilTheDailyReset() {
		ResilientApiFootball api = api();
		simulator.faults().quotaExhausted(true);
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.QUOTA_EXHAUSTED))
			.verify();
		StepVerifier.create(api.fetch(Requests.status())).expectError(ApiFootballException.class).verify();
		assertThat(simulator.calls()).isEqualTo(1); // no retry storm, and no second call
		assertThat(api.quota().exhaustedUntil()).isNotNull();

		simulator.faults().reset();
		time.advanceTimeBy(Duration.ofDays(1));
		StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
	}

	@Test
	void backgroundCallsStopAtTheirShareOfTheDailyQuotaWhileUsersGoOn() {
		simulator.plan(100, 1000);
		ResilientApiFootball api = api();
		for (int i = 0; i < 30; i++) {
			StepVerifier.create(api.fetch(Requests.status()).contextWrite(QuotaPlanner::background))
				.expectNextCount(1)
				.verifyComplete();
		}
		StepVerifier.create(api.fetch(Requests.status()).contextWrite(QuotaPlanner::background))
			.expectErrorSatisfies(error -> assertThat(kind(error)).isEqualTo(ApiFootballException.Kind.BUSY))
			.verify();
		assertThat(simulator.calls()).isEqualTo(30);
		StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
		assertThat(simulator.calls()).isEqualTo(31);
		assertThat(api.quotaPlan()).isEqualTo(new QuotaPlanner.QuotaPlan(30, 30, 1));

		time.advanceTimeBy(Duration.ofDays(1)); // a new UTC day
		StepVerifier.create(api.fetch(Requests.status()).contextWrite(QuotaPlanner::background))
			.expectNextCount(1)
			.verifyComplete();
	}
}
