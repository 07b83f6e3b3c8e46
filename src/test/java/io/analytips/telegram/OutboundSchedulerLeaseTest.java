package io.analytips.telegram;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.replica.Lease;
import io.analytips.replica.LeaseEndedException;
import io.analytips.replica.LeaseLapsedException;
import io.analytips.support.TestLeadership;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the replica that leads sends: messages wait out a lapsed lease, and those of a lost term never go. */
class OutboundSchedulerLeaseTest extends OutboundFixture {

	@Test
	void holdsMessagesWhileTheLeaseHasLapsedAndSendsThemInOrderOnceItIsRenewed() {
		TestLeadership lead = new TestLeadership();
		lead.grant();
		lead.lapse(true);
		OutboundScheduler scheduler = scheduler(30, 100, lead);

		StepVerifier.withVirtualTime(() -> send(scheduler, 1, 2), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(10))
			.then(() -> lead.lapse(false))
			.thenAwait(Duration.ofMillis(100))
			.expectNextCount(2)
			.verifyComplete();
		assertThat(texts).containsExactly("m0", "m1");
		assertThat(sentAt.get(1L)).allMatch(at -> at >= 10_000);
	}

	@Test
	void aReplicaThatDoesNotLeadSendsNothing() {
		TestLeadership standby = new TestLeadership();
		OutboundScheduler scheduler = scheduler(30, 100, standby);

		StepVerifier.withVirtualTime(() -> send(scheduler, 1, 1), () -> time, Long.MAX_VALUE)
			.expectError(LeaseEndedException.class)
			.verify();
		assertThat(texts).isEmpty();
	}

	@Test
	void aMessageOfALostTermNeverGoesEvenWhenTheReplicaLeadsAgain() {
		TestLeadership lead = new TestLeadership();
		lead.grant();
		Lease first = lead.lease();
		lead.lapse(true);
		OutboundScheduler scheduler = scheduler(30, 100, lead);

		StepVerifier.withVirtualTime(() -> send(scheduler, 1, 1).contextWrite(context -> context.put(Lease.KEY, first)),
				() -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(5))
			.then(lead::lose)
			.then(lead::grant) // a new term: the message of the old one still must not go
			.thenAwait(Duration.ofSeconds(1))
			.expectError(LeaseEndedException.class)
			.verify();
		assertThat(texts).isEmpty();
	}

	@Test
	void aMessageWhoseLeaseLapsedAtTheWireWaitsAndGoesOnceItIsRenewed() {
		TestLeadership lead = new TestLeadership();
		lead.grant();
		AtomicInteger attempts = new AtomicInteger();
		// the client finds the lease lapsed as the request would be written, once
		answer(1, message -> {
			attempts.incrementAndGet();
			lead.lapse(true);
			return Mono.error(new LeaseLapsedException());
		});
		OutboundScheduler scheduler = scheduler(30, 100, lead);

		StepVerifier.withVirtualTime(() -> send(scheduler, 1, 1), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(5))
			.then(() -> lead.lapse(false))
			.thenAwait(Duration.ofMillis(100))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(attempts).hasValue(1);
		assertThat(texts).containsExactly("m0", "m0");
		assertThat(scheduler.stats().failed()).isZero();
	}
}
