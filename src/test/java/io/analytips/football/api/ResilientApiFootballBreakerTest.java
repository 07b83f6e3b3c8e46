package io.analytips.football.api;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The circuit breaker in virtual time: it opens on failures, fails fast while open, and a probe closes it. */
class ResilientApiFootballBreakerTest extends ResilientApiFixture {

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
}
