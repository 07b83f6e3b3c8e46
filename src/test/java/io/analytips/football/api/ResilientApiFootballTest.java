package io.analytips.football.api;

import java.time.Duration;
import java.util.List;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.football.sim.data.HistoricalData;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.scheduler.clock.SchedulerClock;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/** The resilience stack in virtual time, against the simulator (in process: virtual time cannot drive a socket). */
class ResilientApiFootballTest {

	private VirtualTimeScheduler time;

	private ApiFootballSimulator simulator;

	@BeforeEach
	void virtualTime() {
		time = VirtualTimeScheduler.getOrSet();
		simulator = new ApiFootballSimulator(HistoricalData.of(List.of()), SchedulerClock.of(time), "key");
	}

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}

	private ResilientApiFootball api(int attempts, int breakerMinimumCalls) {
		return new ResilientApiFootball(new SimulatorTransport(simulator, "key"),
				ApiTestSupport.properties("http://unused", "key", attempts, breakerMinimumCalls), SchedulerClock.of(time));
	}

	private ResilientApiFootball api() {
		return api(5, 5);
	}

	@Test
	void retriesTwo503sAndSucceedsAfterAboutOneThenTwoSeconds() {
		simulator.faults().failNext(2, 503);
		ResilientApiFootball api = api();
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(2700)) // 1 s and 2 s, each at most 10% early
			.thenAwait(Duration.ofMillis(600)) //             ... and at most 10% late
			.assertNext(envelope -> assertThat(Wire.status(envelope).plan()).isEqualTo("Simulator"))
			.verifyComplete();
		assertThat(simulator.calls()).isEqualTo(3);
	}

	@Test
	void neverRetriesABadRequest() {
		ResilientApiFootball api = api();
		StepVerifier.withVirtualTime(() -> api.fetch(ApiRequest.of("/fixtures")), () -> time, Long.MAX_VALUE)
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.BAD_REQUEST))
			.verify();
		assertThat(simulator.calls()).isEqualTo(1);
	}

	@Test
	void neverRetriesARejectedKey() {
		ResilientApiFootball api = new ResilientApiFootball(new SimulatorTransport(simulator, "wrong"),
				ApiTestSupport.properties("http://unused", "wrong"), SchedulerClock.of(time));
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.CONFIGURATION))
			.verify();
		assertThat(simulator.calls()).isEqualTo(1);
	}

	@Test
	void givesUpAfterFiveAttemptsWaitingOneTwoFourEightSeconds() {
		simulator.faults().failNext(100, 500);
		ResilientApiFootball api = api(5, 100);
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(13_500)) // 1 + 2 + 4 + 8 = 15 s, less 10%
			.thenAwait(Duration.ofSeconds(3))
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.SERVER))
			.verify();
		assertThat(simulator.calls()).isEqualTo(5);
	}

	@Test
	void aHangTimesOutAndIsRetried() {
		simulator.faults().hangNext(1);
		ResilientApiFootball api = api();
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(10 + 2))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(simulator.calls()).isEqualTo(2);
	}

	@Test
	void theBreakerOpensThenFailsFastThenAHalfOpenProbeClosesIt() {
		ResilientApiFootball api = api(1, 5);
		simulator.faults().failNext(5, 503);
		for (int i = 0; i < 5; i++) {
			StepVerifier.create(api.fetch(Requests.status())).expectError(ApiFootballException.class).verify();
		}
		assertThat(api.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

		StepVerifier.create(api.fetch(Requests.status()))
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.CIRCUIT_OPEN))
			.verify();
		assertThat(simulator.calls()).isEqualTo(5); // failed fast: never reached the simulator

		time.advanceTimeBy(Duration.ofSeconds(29));
		StepVerifier.create(api.fetch(Requests.status())).expectError(ApiFootballException.class).verify();
		assertThat(simulator.calls()).isEqualTo(5); // still open before its 30 s are over
		time.advanceTimeBy(Duration.ofMillis(1001));
		StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
		assertThat(api.breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(simulator.calls()).isEqualTo(6);
	}

	@Test
	void anOpenBreakerIsNotRetried() {
		ResilientApiFootball api = api(5, 3);
		simulator.faults().failNext(100, 503);
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(20))
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.CIRCUIT_OPEN))
			.verify();
		assertThat(simulator.calls()).isEqualTo(3); // the third failure opened it; the fourth attempt failed fast
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
}
