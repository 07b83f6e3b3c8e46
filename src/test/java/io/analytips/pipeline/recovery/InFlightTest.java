package io.analytips.pipeline.recovery;

import java.util.List;

import io.analytips.common.MutableClock;
import io.analytips.pipeline.FaultyInbox;
import io.analytips.pipeline.Inbox;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.UpdateListener;
import io.analytips.pipeline.inbox.MemoryInbox;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.publisher.PublisherProbe;

import static org.assertj.core.api.Assertions.assertThat;

/** What this process holds: taken once, let go when the outcome is durable, outcomes kept until written. */
class InFlightTest {

	private final MemoryInbox memory = new MemoryInbox(new MutableClock());

	private final FaultyInbox inbox = new FaultyInbox(memory);

	private final InFlight inFlight = new InFlight(inbox);

	private void stored(long... ids) {
		for (long id : ids) {
			memory.storeNew(List.of(ReceivedUpdate.parse(Updates.message(1, "hi").put("update_id", id)))).block();
		}
	}

	@Test
	void anUpdateIsTakenOnlyOnceUntilItIsLetGo() {
		assertThat(inFlight.enter(1)).isTrue();
		assertThat(inFlight.enter(1)).isFalse();
		assertThat(inFlight.enter(2)).isTrue();
		inFlight.release(1);
		assertThat(inFlight.enter(1)).isTrue();
		assertThat(inFlight.size()).isEqualTo(2);
	}

	@Test
	void anUpdateLeavesOnceItsOutcomeIsDurable() {
		stored(1);
		inFlight.enter(1);
		StepVerifier.create(inFlight.finish(1, Outcome.DONE, null)).verifyComplete();
		assertThat(memory.outcomeOf(1)).isEqualTo("done");
		assertThat(inFlight.size()).isZero();
	}

	@Test
	void anOutcomeThatFailsIsKeptWithTheUpdateAndWrittenAgainLater() {
		stored(1);
		inFlight.enter(1);
		inbox.failFinishes(id -> true);
		StepVerifier.create(inFlight.finish(1, Outcome.FAILED, "boom")).expectErrorMessage("database down").verify();
		assertThat(inFlight.enter(1)).as("still held: never handled again").isFalse();
		assertThat(inFlight.unrecorded()).isOne();

		StepVerifier.create(inFlight.rewrite()).verifyComplete(); // still down: kept, no error
		assertThat(inFlight.unrecorded()).isOne();

		inbox.failFinishes(id -> false);
		StepVerifier.create(inFlight.rewrite()).verifyComplete();
		assertThat(memory.outcomeOf(1)).isEqualTo("failed");
		assertThat(inFlight.size()).isZero();
		assertThat(inFlight.unrecorded()).isZero();
	}

	@Test
	void anOutcomeWriteThatIsCancelledIsKeptToo() {
		Inbox hanging = new MemoryInbox(new MutableClock()) {
			@Override
			public Mono<Void> finish(long updateId, Outcome outcome, String detail) {
				return Mono.never();
			}
		};
		InFlight held = new InFlight(hanging);
		held.enter(1);
		StepVerifier.create(held.finish(1, Outcome.DONE, null)).thenCancel().verify();
		assertThat(held.unrecorded()).isOne();
	}

	@Test
	void keepsAtMostItsCapOfOutcomesAndLetsTheRestBeHandledAgain() {
		inbox.failFinishes(id -> true);
		for (long id = 1; id <= InFlight.MAX_UNRECORDED + 5; id++) {
			inFlight.enter(id);
			inFlight.finish(id, Outcome.DONE, null).onErrorResume(error -> Mono.empty()).block();
		}
		assertThat(inFlight.unrecorded()).isEqualTo(InFlight.MAX_UNRECORDED);
		assertThat(inFlight.size()).isEqualTo(InFlight.MAX_UNRECORDED);
		assertThat(inFlight.enter(InFlight.MAX_UNRECORDED + 1)).as("let go: may be found parked").isTrue();
	}

	@Test
	void rewritingNothingWritesNothing() {
		PublisherProbe<Void> probe = PublisherProbe.empty();
		InFlight idle = new InFlight(new MemoryInbox(new MutableClock()) {
			@Override
			public Mono<Void> finish(long updateId, Outcome outcome, String detail) {
				return probe.mono();
			}
		});
		idle.enter(1);
		StepVerifier.create(idle.rewrite()).verifyComplete();
		probe.assertWasNotSubscribed();
	}

	@Test
	void aLostLeadForgetsWhatWasBeingHandledAndKeepsTheOutcomesStillToWrite() {
		stored(1, 2);
		inFlight.enter(1);
		inbox.failFinishes(id -> true);
		inFlight.enter(2);
		inFlight.finish(2, Outcome.DONE, null).onErrorResume(error -> Mono.empty()).block();

		inFlight.forgetHandling();

		assertThat(inFlight.enter(1)).as("dropped with the lead: replayed").isTrue();
		assertThat(inFlight.enter(2)).as("answered, its outcome still to write: never handled again").isFalse();
		assertThat(inFlight.unrecorded()).isOne();
		inbox.failFinishes(id -> false);
		StepVerifier.create(inFlight.rewrite()).verifyComplete();
		assertThat(memory.outcomeOf(2)).isEqualTo("done");
	}

	@Test
	void anOutcomeDurableAtOnceOrOnlyWhenWrittenAgainIsReportedDurableOnce() {
		java.util.List<Long> durable = new java.util.concurrent.CopyOnWriteArrayList<>();
		InFlight reporting = new InFlight(inbox, UpdateListener.NONE, durable::add);
		stored(1, 2);
		reporting.enter(1);
		reporting.enter(2);
		StepVerifier.create(reporting.finish(1, Outcome.DONE, null)).verifyComplete();
		inbox.failFinishes(id -> true);
		StepVerifier.create(reporting.finish(2, Outcome.DONE, null)).expectErrorMessage("database down").verify();
		assertThat(durable).containsExactly(1L);

		inbox.failFinishes(id -> false);
		StepVerifier.create(reporting.rewrite()).verifyComplete();
		assertThat(durable).as("the rewrite releases its journal records").containsExactly(1L, 2L);
	}
}
