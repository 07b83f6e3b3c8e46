package io.analytips.telegram;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The credit a poll may use: what downstream asked for and has not been given, between 1 and the batch size. */
class PollCreditTest {

	private final PollCredit credit = new PollCredit();

	@Test
	void waitsUntilDownstreamAsksThenOffersWhatItAskedFor() {
		StepVerifier.withVirtualTime(() -> credit.available(100))
			.expectSubscription()
			.expectNoEvent(Duration.ofHours(1))
			.then(() -> credit.give(30))
			.expectNext(30)
			.verifyComplete();
	}

	@Test
	void offersAtMostTheBatchSize() {
		credit.give(250);
		StepVerifier.create(credit.available(100)).expectNext(100).verifyComplete();
	}

	@Test
	void whatWasFetchedIsTakenFromTheCredit() {
		credit.give(30);
		credit.take(25);
		StepVerifier.create(credit.available(100)).expectNext(5).verifyComplete();
		credit.take(5);
		StepVerifier.withVirtualTime(() -> credit.available(100)).expectSubscription().expectNoEvent(Duration.ofHours(1))
			.thenCancel()
			.verify();
	}

	@Test
	void unboundedDemandStaysUnbounded() {
		credit.give(Long.MAX_VALUE);
		credit.give(10);
		credit.take(100);
		StepVerifier.create(credit.available(100)).expectNext(100).verifyComplete();
	}

	@Test
	void aCancelledWaitIsNotWokenAndTheNextWaitIs() {
		StepVerifier.create(credit.available(100)).expectSubscription().thenCancel().verify();
		StepVerifier.create(credit.available(100))
			.expectSubscription()
			.then(() -> credit.give(7))
			.expectNext(7)
			.verifyComplete();
	}
}
