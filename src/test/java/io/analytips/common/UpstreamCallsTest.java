package io.analytips.common;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamCallsTest {

	private final UpstreamCalls calls = new UpstreamCalls();

	@Test
	void countsACallThatEmitsAValue() {
		StepVerifier.create(UpstreamCalls.counted(Mono.just("answer")).contextWrite(calls::addTo))
			.expectNext("answer")
			.verifyComplete();
		assertThat(calls.count()).isEqualTo(1);
	}

	@Test
	void countsACallThatCompletesEmpty() {
		StepVerifier.create(UpstreamCalls.counted(Mono.empty()).contextWrite(calls::addTo)).verifyComplete();
		assertThat(calls.count()).isEqualTo(1);
	}

	@Test
	void countsACallThatFails() {
		StepVerifier.create(UpstreamCalls.counted(Mono.error(new IOException("reset"))).contextWrite(calls::addTo))
			.expectError(IOException.class)
			.verify();
		assertThat(calls.count()).isEqualTo(1);
	}

	@Test
	void countsEachSubscriptionSoEachRetryIsACall() {
		Mono<String> flaky = UpstreamCalls.counted(Mono.error(new IOException("503")));
		StepVerifier.create(flaky.retry(2).contextWrite(calls::addTo)).expectError(IOException.class).verify();
		assertThat(calls.count()).isEqualTo(3);
	}

	@Test
	void countsNothingBeforeSubscriptionNorWithoutACounterInTheContext() {
		Mono<String> call = UpstreamCalls.counted(Mono.just("answer"));
		assertThat(calls.count()).isZero();
		StepVerifier.create(call).expectNext("answer").verifyComplete();
		assertThat(calls.count()).isZero();
	}

	@Test
	void reachesTheCounterAcrossThreadsAndOperators() {
		Mono<Integer> call = UpstreamCalls.counted(Mono.delay(Duration.ofSeconds(1)).thenReturn(1));
		StepVerifier.withVirtualTime(() -> Mono.just(0)
				.publishOn(Schedulers.parallel())
				.flatMap(ignored -> Mono.zip(call, call, Integer::sum))
				.contextWrite(calls::addTo))
			.thenAwait(Duration.ofSeconds(1))
			.expectNext(2)
			.verifyComplete();
		assertThat(calls.count()).isEqualTo(2);
	}
}
