package io.analytips.pipeline.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.analytips.pipeline.QueueStats;
import io.analytips.pipeline.TestContexts;
import io.analytips.pipeline.UpdateContext;
import io.analytips.support.TestClock;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounded buffer: on demand it asks only for its room, dropping it refuses beyond it, and both shed by age. */
class UpdateBufferTest {

	private final TestClock clock = TestClock.running();

	private final List<Long> overflowed = new ArrayList<>();

	private final List<String> aged = new ArrayList<>();

	private final UpdateBuffer buffer = new UpdateBuffer(10, Duration.ofSeconds(60), clock,
			context -> overflowed.add(context.updateId()),
			(context, waited) -> aged.add(context.updateId() + " after " + waited.toSeconds() + " s"));

	private static UpdateContext update(long id) {
		return TestContexts.of(ReceivedUpdate.parse(Updates.message(1000 + id, "/help").put("update_id", id)));
	}

	private static Flux<UpdateContext> updates(int count, AtomicLong requested) {
		return Flux.range(1, count).map(i -> update(i)).doOnRequest(n -> requested.accumulateAndGet(n, (a, b) -> {
			long sum = a + b;
			return sum < 0 ? Long.MAX_VALUE : sum;
		}));
	}

	@Test
	void onDemandAsksUpstreamOnlyForItsRoomAndRefusesNothing() {
		AtomicLong requested = new AtomicLong();
		StepVerifier.create(buffer.buffer(updates(1000, requested), Flux.empty(), true), 0)
			.then(() -> assertThat(requested.get()).as("the room and one merge prefetch, however much waits upstream")
				.isBetween(10L, 20L))
			.then(() -> assertThat(buffer.stats(0).size()).isEqualTo(10))
			.thenRequest(4)
			.expectNextCount(4)
			.thenRequest(996)
			.expectNextCount(996)
			.verifyComplete();
		assertThat(overflowed).isEmpty();
		assertThat(buffer.stats(0).rejected()).isZero();
		assertThat(buffer.stats(0).peak()).isLessThanOrEqualTo(10);
	}

	@Test
	void onDemandKeepsTheOrderOfWhatEntered() {
		StepVerifier.create(buffer.buffer(Flux.range(1, 50).map(i -> update(i)), Flux.empty(), true), 3)
			.expectNextMatches(context -> context.updateId() == 1)
			.expectNextMatches(context -> context.updateId() == 2)
			.expectNextMatches(context -> context.updateId() == 3)
			.thenRequest(Long.MAX_VALUE)
			.expectNextCount(47)
			.verifyComplete();
	}

	@Test
	void droppingTakesEverythingOffersAndRefusesWhatHasNoRoom() {
		AtomicLong requested = new AtomicLong();
		StepVerifier.create(buffer.buffer(updates(25, requested), Flux.empty(), false), 0)
			.then(() -> assertThat(requested.get()).as("everything offered is taken").isGreaterThanOrEqualTo(25))
			.then(() -> assertThat(overflowed).hasSize(15).startsWith(11L))
			.thenRequest(Long.MAX_VALUE)
			.expectNextCount(10)
			.verifyComplete();
		assertThat(buffer.stats(0).rejected()).isEqualTo(15);
	}

	@Test
	void anUpdateThatWaitedLongerThanMaxWaitIsShedWithHowLongItWaited() {
		StepVerifier.create(buffer.buffer(Flux.range(1, 3).map(i -> update(i)), Flux.empty(), true), 0)
			.then(() -> clock.advance(Duration.ofSeconds(61)))
			.thenRequest(Long.MAX_VALUE)
			.verifyComplete();
		assertThat(aged).containsExactly("1 after 61 s", "2 after 61 s", "3 after 61 s");
		assertThat(buffer.stats(0).rejected()).isEqualTo(3);
		assertThat(buffer.queued()).isZero();
	}

	@Test
	void aShedUpdateMakesRoomForTheNextWhichIsStillFresh() {
		TestPublisher<UpdateContext> live = TestPublisher.create();
		StepVerifier.create(buffer.buffer(live.flux(), Flux.empty(), true), 0)
			.then(() -> live.next(update(1)))
			.then(() -> clock.advance(Duration.ofSeconds(90)))
			.then(() -> live.next(update(2)).complete())
			.thenRequest(1)
			.expectNextMatches(context -> context.updateId() == 2)
			.verifyComplete();
		assertThat(aged).containsExactly("1 after 90 s");
	}

	@Test
	void parkedUpdatesShareTheRoom() {
		AtomicLong live = new AtomicLong();
		AtomicLong parked = new AtomicLong();
		StepVerifier.create(buffer.buffer(updates(100, live), updates(100, parked), true), 0)
			.then(() -> assertThat(buffer.stats(0).size()).isEqualTo(10))
			.thenRequest(Long.MAX_VALUE)
			.expectNextCount(200)
			.verifyComplete();
		assertThat(overflowed).isEmpty();
	}

	@Test
	void anErrorUpstreamIsPassedOn() {
		StepVerifier.create(buffer.buffer(Flux.error(new IllegalStateException("source failed")), Flux.empty(), true))
			.expectErrorMessage("source failed")
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void nothingUpstreamEmitsNothing() {
		StepVerifier.create(buffer.buffer(Flux.empty(), Flux.empty(), true)).verifyComplete();
		assertThat(buffer.stats(3)).isEqualTo(new QueueStats(0, 10, 3, 0, 0));
	}
}
