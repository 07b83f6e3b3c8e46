package io.analytips.common;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Work in progress counted, and idle signalled by the last end rather than found by polling. */
class ActivityTest {

	private final Activity activity = new Activity();

	@Test
	void isIdleAtOnceWhenNothingRuns() {
		StepVerifier.create(activity.idle()).verifyComplete();
		assertThat(activity.count()).isZero();
	}

	@Test
	void waitsForTheLastPieceOfWorkToEnd() {
		activity.begin();
		activity.begin();
		StepVerifier.create(activity.idle())
			.expectSubscription()
			.then(activity::end)
			.expectNoEvent(Duration.ofMillis(20))
			.then(activity::end)
			.verifyComplete();
		assertThat(activity.count()).isZero();
	}

	@Test
	void everyWaiterIsReleasedAndALaterWaitLooksAfresh() {
		activity.begin();
		Mono<Void> first = activity.idle();
		Mono<Void> second = activity.idle();
		StepVerifier.create(Mono.when(first, second)).expectSubscription().then(activity::end).verifyComplete();
		activity.begin();
		StepVerifier.create(activity.idle()).expectSubscription().expectNoEvent(Duration.ofMillis(20)).thenCancel().verify();
		activity.end();
		StepVerifier.create(activity.idle()).verifyComplete();
	}

	@Test
	void becomesIdleWhenWorkOnManyThreadsEndsWhileOthersWait() {
		int pieces = 10_000;
		for (int i = 0; i < pieces; i++) {
			activity.begin();
		}
		Mono<Void> ends = Flux.range(0, pieces).parallel(4).runOn(Schedulers.parallel()).doOnNext(i -> activity.end())
			.then();
		// waiters subscribe while the ends race them; each must complete
		StepVerifier.create(Mono.when(ends, Flux.range(0, 100).flatMap(i -> activity.idle().subscribeOn(Schedulers.parallel())).then()))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		assertThat(activity.count()).isZero();
	}
}
