package io.analytips.football.api;

import java.time.Duration;

import io.analytips.football.sim.SimulatorTransport;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The free plan's ten calls a minute, kept client-side in virtual time: later calls wait for a permit. */
class ResilientApiFootballMinuteLimitTest extends ResilientApiFixture {

	@Test
	void theEleventhCallOfAMinuteWaitsForTheNextMinute() {
		ResilientApiFootball api = freePlan();
		spendTheMinute(api);
		time.advanceTimeBy(Duration.ofSeconds(20)); // a wait of 40 s fits in the 45 s budget
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(39))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(simulator.calls()).isEqualTo(11);
	}

	@Test
	void aCallWhoseCallerLeftWhileItWaitedForAPermitIsNeverSentAndSpendsNone() {
		ResilientApiFootball api = freePlan();
		spendTheMinute(api);
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(30))
			.thenCancel()
			.verify();
		time.advanceTimeBy(Duration.ofSeconds(90));
		assertThat(simulator.calls()).isEqualTo(10);
		assertThat(api.minuteCallsLeft()).isEqualTo(10);
	}

	@Test
	void backgroundCallsLeaveTheLastTwoOfEachMinutesCallsToUsers() {
		ResilientApiFootball api = freePlan();
		for (int i = 0; i < 8; i++) {
			StepVerifier.create(api.fetch(Requests.status()).contextWrite(QuotaPlanner::background))
				.expectNextCount(1)
				.verifyComplete();
		}
		time.advanceTimeBy(Duration.ofSeconds(20));
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()).contextWrite(QuotaPlanner::background),
				() -> time, Long.MAX_VALUE)
			.expectSubscription()
			.then(() -> {
				// meanwhile users still have this minute's last two calls
				StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
				StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
			})
			.expectNoEvent(Duration.ofSeconds(39))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(simulator.calls()).isEqualTo(11);
	}

	@Test
	void aClockSetBackNeitherRefusesCallsNorGivesExtraOnes() {
		io.analytips.common.MutableClock wall = new io.analytips.common.MutableClock();
		ResilientApiFootball api = new ResilientApiFootball(new SimulatorTransport(simulator, "key"),
				ApiTestSupport.freePlan("http://unused", "key"), wall);
		for (int i = 0; i < 5; i++) {
			StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
		}
		wall.advance(Duration.ofDays(-30)); // a test moving to an earlier date, or the machine's clock set back
		for (int i = 0; i < 5; i++) {
			StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
		}
		assertThat(api.minuteCallsLeft()).isZero();
		wall.advance(Duration.ofMinutes(1));
		assertThat(api.minuteCallsLeft()).isEqualTo(10);
	}
}
