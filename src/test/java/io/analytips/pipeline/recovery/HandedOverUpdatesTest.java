package io.analytips.pipeline.recovery;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.pipeline.inbox.MemoryInbox;
import io.analytips.support.TestClock;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.SourceStatus;
import io.analytips.telegram.UpdateSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leader's intake when every replica stores webhook requests: it reads what is stored and unfinished, in
 * update order, as soon as a replica announces it and on a timer, never what it holds, never more than the
 * buffer takes. Virtual time.
 */
class HandedOverUpdatesTest {

	/** Some tests put virtual time in place of Reactor's schedulers: later test classes in this JVM need real ones. */
	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}


	private final Clock clock = Clock.fixed(TestClock.START, ZoneOffset.UTC);

	private final Sinks.Many<Object> announcements = Sinks.many().multicast().directBestEffort();

	private final AnnouncingInbox inbox = new AnnouncingInbox();

	private final InFlight inFlight = new InFlight(inbox);

	private final AtomicInteger room = new AtomicInteger(1000);

	private final Sinks.Many<ReceivedUpdate> own = Sinks.many().unicast().onBackpressureBuffer();

	private final UpdateSource webhook = new UpdateSource() {
		@Override
		public Flux<ReceivedUpdate> updates() {
			return own.asFlux();
		}

		@Override
		public Mono<Void> confirmReceived() {
			return Mono.empty();
		}

		@Override
		public SourceStatus status() {
			return null;
		}
	};

	private void store(long... ids) {
		for (long id : ids) {
			inbox.storeNew(List.of(ReceivedUpdate.parse(id, Updates.message(id % 3, "/help").put("update_id", id).toString())))
				.block();
		}
	}

	/** As the pipeline does with each update it takes. */
	private Flux<Long> taken(HandedOverUpdates source) {
		return source.updates().filter(update -> inFlight.enter(update.updateId())).map(ReceivedUpdate::updateId);
	}

	private HandedOverUpdates source(VirtualTimeScheduler scheduler) {
		return new HandedOverUpdates(webhook, inbox, inFlight, room::get, scheduler);
	}

	@Test
	void takesWhatAnyReplicaStoredInUpdateOrderAtOnceWhenAnnouncedAndOnTheTimerOtherwise() {
		store(3, 1, 2);
		StepVerifier.withVirtualTime(() -> taken(source(VirtualTimeScheduler.get())))
			.expectSubscription()
			.expectNext(1L, 2L, 3L) // the first look, at once
			.then(() -> {
				store(5, 4);
				announcements.tryEmitNext("stored");
			})
			.expectNext(4L, 5L) // no time passed: the announcement
			.then(() -> store(6)) // stored, but its announcement was lost
			.expectNoEvent(HandedOverUpdates.LOOK_EVERY.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(6L)
			.thenAwait(Duration.ofMinutes(1)) // held: never read again
			.expectNoEvent(Duration.ofMillis(1))
			.thenCancel()
			.verify();
	}

	@Test
	void readsNoMoreThanTheBufferHasRoomForAndTheRestWhenThereIsRoom() {
		store(1, 2, 3, 4, 5);
		room.set(0);
		StepVerifier.withVirtualTime(() -> taken(source(VirtualTimeScheduler.get())), 0)
			.thenRequest(Long.MAX_VALUE)
			.expectNoEvent(HandedOverUpdates.LOOK_EVERY.multipliedBy(3))
			.then(() -> room.set(2))
			.thenAwait(HandedOverUpdates.LOOK_EVERY)
			.expectNext(1L, 2L)
			.then(() -> room.set(0))
			.thenAwait(HandedOverUpdates.LOOK_EVERY.multipliedBy(4))
			.expectNoEvent(Duration.ofMillis(1))
			.then(() -> room.set(1000))
			.thenAwait(HandedOverUpdates.LOOK_EVERY)
			.expectNext(3L, 4L, 5L)
			.thenCancel()
			.verify();
	}

	@Test
	void leavesWhatThisProcessAlreadyHoldsAndEmitsWhatItsOwnSourceEmits() {
		store(1, 2);
		inFlight.enter(1);
		StepVerifier.withVirtualTime(() -> source(VirtualTimeScheduler.get()).updates().map(ReceivedUpdate::updateId))
			.expectSubscription()
			.expectNext(2L)
			.then(() -> own.tryEmitNext(ReceivedUpdate.parse(9, Updates.message(1, "/x").put("update_id", 9).toString())))
			.expectNext(9L)
			.thenCancel()
			.verify();
	}

	@Test
	void aFailedReadEndsNothingAndTheNextLookReadsAgain() {
		store(1);
		inbox.failReads.set(2);
		StepVerifier.withVirtualTime(() -> taken(source(VirtualTimeScheduler.get())))
			.expectSubscription()
			.expectNoEvent(HandedOverUpdates.LOOK_EVERY) // the first two looks fail
			.thenAwait(HandedOverUpdates.LOOK_EVERY)
			.expectNext(1L)
			.thenCancel()
			.verify();
	}

	@Test
	void endsWithItsSourceWhenThatFailsFatally() {
		StepVerifier.withVirtualTime(() -> taken(source(VirtualTimeScheduler.get())))
			.expectSubscription()
			.then(() -> own.tryEmitError(new IllegalStateException("token rejected")))
			.expectErrorMessage("token rejected")
			.verify();
	}

	@Test
	void replaysEveryUnfinishedUpdateOnceInOrderAPageAtATime() {
		long[] ids = java.util.stream.LongStream.rangeClosed(1, 2 * HandedOverUpdates.REPLAY_PAGE + 10).toArray();
		store(ids);
		HandedOverUpdates source = source(VirtualTimeScheduler.getOrSet());
		StepVerifier.create(source.unfinished().filter(update -> inFlight.enter(update.updateId())).map(ReceivedUpdate::updateId))
			.expectNextSequence(java.util.Arrays.stream(ids).boxed().toList())
			.verifyComplete();
		StepVerifier.create(source.unfinished()).as("all held now").verifyComplete();
	}

	@Test
	void anUpdateStoredBelowTheLastPageWhileReplayingComesBeforeTheLaterUpdatesOfItsChat() {
		int page = HandedOverUpdates.REPLAY_PAGE;
		// the first page ends at 600; then another replica commits 550 and, after it, 1100 of the same chat
		store(java.util.stream.LongStream.rangeClosed(1, page - 1).toArray());
		store(600);
		inbox.beforeRead(2, () -> store(550, 1100));
		List<Long> expected = new java.util.ArrayList<>(java.util.stream.LongStream.rangeClosed(1, page - 1).boxed().toList());
		expected.addAll(List.of(600L, 550L, 1100L)); // paging by id (after 600) would hand 550 over after 1100
		StepVerifier.create(source(VirtualTimeScheduler.getOrSet()).unfinished()
			.filter(update -> inFlight.enter(update.updateId()))
			.map(ReceivedUpdate::updateId))
			.expectNextSequence(expected)
			.verifyComplete();
	}

	@Test
	void replaysNothingWhenNothingIsUnfinished() {
		StepVerifier.create(source(VirtualTimeScheduler.getOrSet()).unfinished()).verifyComplete();
	}

	@Test
	void aReplayThatCannotReadFails() {
		store(1);
		inbox.failReads.set(1);
		StepVerifier.create(source(VirtualTimeScheduler.getOrSet()).unfinished()).expectErrorMessage("database down").verify();
	}

	@Test
	void confirmsAndReportsThroughItsSource() {
		HandedOverUpdates source = new HandedOverUpdates(webhook, inbox, inFlight, room::get,
				reactor.core.scheduler.Schedulers.parallel());
		StepVerifier.create(source.confirmReceived()).verifyComplete();
		assertThat(source.status()).isNull();
		assertThat(source.handsOver()).isFalse(); // it is the pipeline's intake: nothing to hand over
	}

	/** A memory inbox whose announcements the test makes, and whose reads it can fail. */
	private final class AnnouncingInbox extends MemoryInbox {

		final AtomicInteger failReads = new AtomicInteger();

		private final AtomicInteger reads = new AtomicInteger();

		private volatile int hookAt;

		private volatile Runnable hook;

		/** Runs {@code hook} just before the {@code read}-th read (as another replica's commit at that moment). */
		void beforeRead(int read, Runnable hook) {
			this.hookAt = read;
			this.hook = hook;
		}

		AnnouncingInbox() {
			super(clock);
		}

		@Override
		public Flux<?> announced() {
			return announcements.asFlux();
		}

		@Override
		public Flux<ReceivedUpdate> unfinishedExcept(Collection<Long> except, int limit) {
			if (reads.incrementAndGet() == hookAt) {
				hook.run();
			}
			if (failReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				return Flux.error(new IllegalStateException("database down"));
			}
			return super.unfinishedExcept(except, limit);
		}
	}
}
