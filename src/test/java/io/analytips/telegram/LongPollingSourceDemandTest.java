package io.analytips.telegram;

import java.time.Duration;
import java.util.List;

import io.analytips.telegram.model.GetUpdates;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The polling loop asks Telegram for what downstream requested, no more, and stops when closed or cancelled. */
class LongPollingSourceDemandTest extends PollingFixture {

	@Test
	void asksTelegramForNoMoreThanDownstreamRequested() {
		polls(Mono.just(List.of(update(1), update(2), update(3))), Mono.just(List.of(update(4), update(5))));
		StepVerifier.withVirtualTime(() -> source().updates(), 0)
			.thenAwait(Duration.ofMinutes(10))
			.then(() -> assertThat(polls).as("nothing requested, nothing fetched").isEmpty())
			.thenRequest(3)
			.expectNextCount(3)
			.thenAwait(Duration.ofMinutes(10))
			.then(() -> assertThat(polls).as("all given: no poll until more is asked for").hasSize(1))
			.thenRequest(5)
			.expectNextCount(2)
			.thenCancel()
			.verify();
		assertThat(polls).extracting(GetUpdates::limit).startsWith(3, 5);
		assertThat(polls).extracting(GetUpdates::offset).startsWith(null, 4L);
	}

	@Test
	void asksForAFullBatchWhenDemandIsUnbounded() {
		polls(Mono.just(List.of(update(1))));
		StepVerifier.create(source().updates()).expectNextCount(1).thenCancel().verify();
		assertThat(polls.get(0).limit()).isEqualTo(100);
	}

	@Test
	void cancellingWhileWaitingForDemandEndsIntakeAndPollsNoMore() {
		polls(Mono.just(List.of(update(1))));
		StepVerifier.withVirtualTime(() -> source().updates(), 1)
			.expectNextCount(1)
			.thenAwait(Duration.ofMinutes(1))
			.thenCancel()
			.verify();
		assertThat(polls).hasSize(1);
	}

	@Test
	void closingStopsPollingButHandsOnTheBatchAlreadyStored() {
		polls(Mono.just(List.of(update(1), update(2), update(3))), Mono.just(List.of(update(4))));
		Sinks.Empty<Void> closing = Sinks.empty();
		StepVerifier.create(source().updates(closing.asMono()), 1)
			.expectNextMatches(u -> u.updateId() == 1)
			.then(() -> closing.tryEmitEmpty())
			.thenRequest(10)
			.expectNextMatches(u -> u.updateId() == 2)
			.expectNextMatches(u -> u.updateId() == 3)
			.verifyComplete();
		assertThat(polls).hasSize(1);
	}

	@Test
	void closingCancelsAPollStillWaiting() {
		polls(); // every poll waits
		Sinks.Empty<Void> closing = Sinks.empty();
		StepVerifier.create(source().updates(closing.asMono()))
			.then(() -> closing.tryEmitEmpty())
			.verifyComplete();
		assertThat(polls).hasSize(1);
	}
}
