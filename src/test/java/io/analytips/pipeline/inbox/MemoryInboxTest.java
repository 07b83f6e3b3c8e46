package io.analytips.pipeline.inbox;

import java.util.List;
import java.util.Map;

import io.analytips.common.MutableClock;
import io.analytips.pipeline.Outcome;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryInboxTest {

	private final MutableClock clock = new MutableClock();

	private final MemoryInbox inbox = new MemoryInbox(clock);

	private static ReceivedUpdate update(long id) {
		return ReceivedUpdate.parse(id, Updates.message(1, "hi").put("update_id", id).toString());
	}

	@Test
	void deduplicatesAndKeepsTheFirstOutcome() {
		StepVerifier.create(inbox.storeNew(List.of(update(1), update(1), update(2)))).expectNextMatches(l -> l.size() == 2)
			.verifyComplete();
		StepVerifier.create(inbox.finish(1, Outcome.DONE, null)).verifyComplete();
		StepVerifier.create(inbox.finish(1, Outcome.FAILED, null)).verifyComplete();
		assertThat(inbox.outcomeOf(1)).isEqualTo("done");
		StepVerifier.create(inbox.counts()).expectNext(Map.of("done", 1L, "pending", 1L)).verifyComplete();
	}

	@Test
	void findsUnfinishedUpdatesOlderThanAnAgeByItsClockOldestFirst() {
		inbox.storeNew(List.of(update(3), update(1))).block();
		clock.advance(java.time.Duration.ofMinutes(3));
		inbox.storeNew(List.of(update(2), update(4))).block();
		inbox.finish(3, Outcome.DONE, null).block();

		StepVerifier.create(inbox.unfinishedOlderThan(java.time.Duration.ofMinutes(2), List.of(), 10).map(ReceivedUpdate::updateId))
			.expectNext(1L)
			.verifyComplete();
		clock.advance(java.time.Duration.ofMinutes(3));
		StepVerifier.create(inbox.unfinishedOlderThan(java.time.Duration.ofMinutes(2), List.of(), 2).map(ReceivedUpdate::updateId))
			.expectNext(1L, 2L)
			.verifyComplete();
		StepVerifier.create(inbox.unfinishedOlderThan(java.time.Duration.ofMinutes(2), List.of(1L), 10).map(ReceivedUpdate::updateId))
			.expectNext(2L, 4L)
			.verifyComplete();
		StepVerifier.create(inbox.unfinishedOlderThan(java.time.Duration.ofHours(1), List.of(), 10)).verifyComplete();
	}

	@Test
	void survivesNothing() {
		StepVerifier.create(inbox.unfinished()).verifyComplete();
		StepVerifier.create(inbox.purgeFinishedOlderThan(java.time.Duration.ofDays(1))).expectNext(0L).verifyComplete();
		StepVerifier.create(inbox.close()).verifyComplete();
		assertThat(inbox.isFailing()).isFalse();
	}
}
