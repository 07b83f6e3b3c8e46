package io.analytips.store;

import java.time.Duration;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database call's deadline, in virtual time. */
class DeadlineTest {

	private final Deadline deadline = new Deadline(Duration.ofSeconds(15));

	@Test
	void letsAnAnswerWithinTheDeadlineThrough() {
		StepVerifier.withVirtualTime(() -> deadline.on(Mono.delay(Duration.ofSeconds(14)).thenReturn("row")))
			.thenAwait(Duration.ofSeconds(14))
			.expectNext("row")
			.verifyComplete();
		StepVerifier.create(deadline.on(Mono.empty())).verifyComplete();
	}

	@Test
	void failsACallThatHasNotAnsweredAtTheDeadline() {
		StepVerifier.withVirtualTime(() -> deadline.on(Mono.never()))
			.thenAwait(Duration.ofSeconds(15))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(QueryTimeoutException.class)
				.hasMessage("PostgreSQL did not answer within PT15S"))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void givesEachRowTheDeadline() {
		StepVerifier.withVirtualTime(() -> deadline.on(Flux.concat(Mono.just(1), Mono.delay(Duration.ofSeconds(10)).thenReturn(2),
				Mono.delay(Duration.ofSeconds(10)).thenReturn(3), Mono.never())))
			.expectNext(1)
			.thenAwait(Duration.ofSeconds(20))
			.expectNext(2, 3)
			.thenAwait(Duration.ofSeconds(15))
			.expectError(QueryTimeoutException.class)
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(deadline.on(Flux.empty())).verifyComplete();
	}

	@Test
	void reportsTheServersStatementTimeoutAsATimeoutToo() {
		DataAccessResourceFailureException cancelled = new DataAccessResourceFailureException("execute",
				new R2dbcNonTransientResourceException("canceling statement due to statement timeout", "57014"));
		StepVerifier.create(deadline.on(Mono.error(cancelled)))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(QueryTimeoutException.class).hasCause(cancelled))
			.verify();
		StepVerifier.create(deadline.on(Flux.error(cancelled))).expectError(QueryTimeoutException.class).verify();
	}

	@Test
	void passesOtherErrorsOnAsTheyAre() {
		DataAccessResourceFailureException down = new DataAccessResourceFailureException("connection refused");
		StepVerifier.create(deadline.on(Mono.error(down))).expectErrorMatches(error -> error == down).verify();
	}

	@Test
	void mustBePositive() {
		assertThatThrownBy(() -> new Deadline(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
	}
}
