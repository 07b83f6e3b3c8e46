package io.analytips.football.api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** A request's deadline in virtual time: its calls, their retries and their waits for a permit all end by it. */
class ResilientApiFootballDeadlineTest extends ResilientApiFixture {

	@Test
	void aCallThatCannotHaveAPermitBeforeItsDeadlineFailsAtOnceAndIsNotRetried() {
		ResilientApiFootball api = freePlan();
		spendTheMinute(api);
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status())
				.contextWrite(context -> deadlineIn(context, Duration.ofSeconds(30))), () -> time, Long.MAX_VALUE)
			.expectErrorSatisfies(error -> assertThat(kind(error)).isEqualTo(ApiFootballException.Kind.BUSY))
			.verify();
		assertThat(time.now(TimeUnit.MILLISECONDS)).isZero();
		time.advanceTimeBy(Duration.ofMinutes(2));
		assertThat(simulator.calls()).isEqualTo(10);
	}

	@Test
	void retriesStopAtTheDeadlineWithTheLastFailure() {
		simulator.faults().failNext(100, 500);
		ResilientApiFootball api = api(5, 100);
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status())
				.contextWrite(context -> deadlineIn(context, Duration.ofSeconds(5))), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(4999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies(error -> assertThat(kind(error)).isEqualTo(ApiFootballException.Kind.SERVER))
			.verify();
		assertThat(simulator.calls()).isEqualTo(3); // at 0, about 1 and about 3 s; the next would be after 5 s
	}

	@Test
	void callsMadeOneAfterTheOtherShareTheirRequestsDeadline() {
		simulator.faults().latency(Duration.ofSeconds(3));
		ResilientApiFootball api = api();
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()).then(api.fetch(Requests.status()))
				.contextWrite(context -> deadlineIn(context, Duration.ofSeconds(5))), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(4999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies(error -> assertThat(kind(error)).isEqualTo(ApiFootballException.Kind.TIMEOUT))
			.verify();
	}

	@Test
	void aCallWithoutADeadlineHasTheBudgetFromItsStart() {
		simulator.faults().hangNext(100);
		ResilientApiFootball api = api();
		assertThat(api.budget()).isEqualTo(Duration.ofSeconds(45));
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(44_999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies(error -> assertThat(kind(error)).isEqualTo(ApiFootballException.Kind.TIMEOUT))
			.verify();
	}

	@Test
	void theBudgetLeavesTheHandlerFifteenSecondsButNeverLessThanHalf() {
		assertThat(ResilientApiFootball.budgetWithin(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(45));
		assertThat(ResilientApiFootball.budgetWithin(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(10));
	}
}
