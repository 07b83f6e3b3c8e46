package io.analytips.pipeline.dispatch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.common.SendRecord;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.UpdateContext;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failed handlers are run again: those the database failed before anything was sent, not those that sent, nor
 * those failed otherwise; an update whose lead was lost is left to the new leader.
 */
class DispatcherRetriesTest extends DispatcherFixture {

	@Test
	void aHandlerThatFailedBecauseTheDatabaseWasAwayIsRunAgainAfterAPauseAndTheUserGetsTheAnswer() {
		AtomicInteger runs = new AtomicInteger();
		Handler flaky = handling(context -> runs.incrementAndGet() <= 3
				? Mono.error(new org.springframework.dao.DataAccessResourceFailureException("Failed to obtain R2DBC Connection"))
				: context.reply("answer").then());
		assertThat(outcomeOfOneUpdate(flaky)).isEqualTo(Outcome.DONE);
		assertThat(runs).hasValue(4);
		assertThat(replies).containsExactly("1:answer");
	}

	@Test
	void aHandlerThatFailsOnTheDatabaseAfterItsFirstMessageStartedIsNotRunAgain() {
		AtomicInteger runs = new AtomicInteger();
		Handler sentThenFailed = handling(context -> Mono.deferContextual(reactorContext -> {
			runs.incrementAndGet();
			return SendRecord.recorded(reactorContext, Mono.just("sent"));
		}).then(Mono.error(new org.springframework.dao.DataAccessResourceFailureException("connection closed"))));
		assertThat(outcomeOfOneUpdate(sentThenFailed)).isEqualTo(Outcome.FAILED);
		assertThat(runs).hasValue(1);
	}

	@Test
	void anUpdateWhoseLeadWasLostIsLeftUnfinishedWithoutAnApologyForTheNewLeader() {
		Handler deposed = handling(context -> Mono.error(new io.analytips.replica.LeaseEndedException(
				io.analytips.replica.Lease.NONE)));
		Dispatcher dispatcher = dispatcher(4, Duration.ofSeconds(60), deposed);
		UpdateContext update = context(Updates.message(1, "hi"));
		StepVerifier.create(Flux.just(update).transform(dispatcher)).verifyComplete();
		assertThat(replies).as("no apology: the new leader answers").isEmpty();
		assertThat(inbox.outcomeOf(update.updateId())).isEqualTo("pending");
	}

	@Test
	void aHandlerThatFailsForAnotherReasonIsNotRunAgain() {
		AtomicInteger runs = new AtomicInteger();
		Handler broken = handling(context -> {
			runs.incrementAndGet();
			return Mono.error(new IllegalStateException("a bug"));
		});
		assertThat(outcomeOfOneUpdate(broken)).isEqualTo(Outcome.FAILED);
		assertThat(runs).hasValue(1);
	}
}
