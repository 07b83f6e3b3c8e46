package io.analytips.pipeline.recovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.analytips.common.MutableClock;
import io.analytips.pipeline.FaultyInbox;
import io.analytips.pipeline.inbox.MemoryInbox;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** One round of looking for parked updates, alone: what it takes, what it leaves, and its bounded hand-over. */
class ParkedUpdatesRoundTest {

	private final MutableClock clock = new MutableClock();

	private final MemoryInbox memory = new MemoryInbox(clock);

	private final FaultyInbox inbox = new FaultyInbox(memory);

	private final InFlight inFlight = new InFlight(inbox);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ParkedUpdates parked = new ParkedUpdates(inbox, inFlight, Duration.ofMinutes(2), meters);

	private void stored(long from, long to) {
		List<ReceivedUpdate> batch = new ArrayList<>();
		for (long id = from; id <= to; id++) {
			batch.add(ReceivedUpdate.parse(Updates.message(id, "hi").put("update_id", id)));
		}
		memory.storeNew(batch).block();
	}

	@Test
	void looksEveryQuarterOfItsAge() {
		assertThat(parked.period()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void takesNothingBeforeItIsToldToLook() {
		stored(1, 3);
		clock.advance(Duration.ofMinutes(3));
		StepVerifier.create(parked.updates()).then(() -> StepVerifier.create(parked.round()).verifyComplete())
			.thenCancel()
			.verify();
		assertThat(inFlight.size()).isZero();
	}

	@Test
	void handsOverOnlyUpdatesOlderThanItsAgeThatNobodyHolds() {
		stored(1, 3);
		clock.advance(Duration.ofMinutes(3));
		stored(4, 4);
		inFlight.enter(2); // being handled
		StepVerifier.create(parked.updates().map(ReceivedUpdate::updateId))
			.then(parked::look)
			.then(() -> StepVerifier.create(parked.round()).verifyComplete())
			.expectNext(1L, 3L)
			.then(() -> StepVerifier.create(parked.round()).verifyComplete()) // held now: not again
			.expectNoEvent(Duration.ofMillis(50))
			.thenCancel()
			.verify();
		assertThat(meters.counter("analytips.updates.parked").count()).isEqualTo(2);
		assertThat(inFlight.size()).isEqualTo(3);
	}

	@Test
	void holdsAtMostOneRoundWaitingAndLeavesTheRestForLater() {
		stored(1, ParkedUpdates.PER_ROUND + 100);
		clock.advance(Duration.ofMinutes(3));
		StepVerifier.create(parked.updates(), 0)
			.then(parked::look)
			.then(() -> StepVerifier.create(parked.round()).verifyComplete())
			.then(() -> StepVerifier.create(parked.round()).verifyComplete()) // nobody took the first round's
			.then(() -> assertThat(inFlight.size()).isEqualTo(ParkedUpdates.PER_ROUND))
			.thenRequest(ParkedUpdates.PER_ROUND)
			.expectNextCount(ParkedUpdates.PER_ROUND)
			.then(() -> StepVerifier.create(parked.round()).verifyComplete()) // the rest, past the held ones
			.thenRequest(200)
			.expectNextCount(100)
			.thenCancel()
			.verify();
		assertThat(inFlight.size()).isEqualTo(ParkedUpdates.PER_ROUND + 100);
	}

	@Test
	void aRoundThatCannotReadTheInboxCompletesAndTakesNothing() {
		stored(1, 1);
		clock.advance(Duration.ofMinutes(3));
		inbox.failLookups(1);
		StepVerifier.create(parked.updates())
			.then(parked::look)
			.then(() -> StepVerifier.create(parked.round()).verifyComplete())
			.expectNoEvent(Duration.ofMillis(50))
			.then(() -> StepVerifier.create(parked.round()).verifyComplete())
			.expectNextCount(1)
			.thenCancel()
			.verify();
	}

	@Test
	void afterAStopItTakesNothing() {
		stored(1, 1);
		clock.advance(Duration.ofMinutes(3));
		parked.updates();
		parked.look();
		parked.stop();
		StepVerifier.create(parked.round()).verifyComplete();
		assertThat(inFlight.size()).isZero();
	}
}
