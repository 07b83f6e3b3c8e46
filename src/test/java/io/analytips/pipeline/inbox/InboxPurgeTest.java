package io.analytips.pipeline.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.analytips.common.Periodic;
import io.analytips.support.TestClock;
import io.analytips.support.TestLeadership;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/** The finished rows of the inbox are purged past their retention, every hour, by the replica that leads. */
class InboxPurgeTest {

	private static final Duration RETENTION = Duration.ofDays(3);

	/** A memory inbox that records the purges asked of it, and answers them with {@link #answer}. */
	private static final class PurgedInbox extends MemoryInbox {

		final List<Duration> asked = new ArrayList<>();

		Mono<Long> answer = Mono.just(7L);

		PurgedInbox() {
			super(Clock.fixed(TestClock.START, ZoneOffset.UTC));
		}

		@Override
		public Mono<Long> purgeFinishedOlderThan(Duration age) {
			return Mono.defer(() -> {
				asked.add(age);
				return answer;
			});
		}
	}

	private final PurgedInbox inbox = new PurgedInbox();

	private final InboxPurge purge = new InboxPurge(inbox, RETENTION);

	@Test
	void deletesTheFinishedRowsOlderThanTheRetention() {
		StepVerifier.create(purge.round()).expectNext(7L).verifyComplete();
		assertThat(inbox.asked).containsExactly(RETENTION);
	}

	@Test
	void aFailedRoundDeletesNothingAndDoesNotError() {
		inbox.answer = Mono.error(new IllegalStateException("database down"));
		StepVerifier.create(purge.round()).expectNext(0L).verifyComplete();
	}

	@Test
	void anEmptyAnswerIsNoRow() {
		inbox.answer = Mono.empty();
		StepVerifier.create(purge.round()).verifyComplete();
	}

	@Test
	void runsEveryHourOnlyWhileLeading() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		TestLeadership lead = new TestLeadership();
		Periodic rounds = purge.schedule(time, lead);
		rounds.start();
		try {
			time.advanceTimeBy(InboxPurge.EVERY.multipliedBy(2));
			assertThat(inbox.asked).as("standing by").isEmpty();
			lead.grant();
			time.advanceTimeBy(InboxPurge.EVERY);
			assertThat(inbox.asked).hasSize(1);
			time.advanceTimeBy(InboxPurge.EVERY.multipliedBy(2));
			assertThat(inbox.asked).hasSize(3);
		}
		finally {
			rounds.stop();
		}
	}
}
