package io.analytips.common;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
		// Threads of its own, not Schedulers.parallel(): under another test's virtual time that is the shared
		// virtual-time scheduler, which anything disposing a scheduler it was handed disposes too (seen once in CI:
		// "Scheduler unavailable"). No time passes here, so none needs to be virtual.
		ExecutorService caller = Executors.newSingleThreadExecutor();
		ExecutorService upstream = Executors.newSingleThreadExecutor();
		try {
			Mono<Integer> call = UpstreamCalls.counted(Mono.fromCallable(() -> 1)
				.subscribeOn(Schedulers.fromExecutorService(upstream)));
			StepVerifier.create(Mono.just(0)
					.publishOn(Schedulers.fromExecutorService(caller))
					.flatMap(ignored -> Mono.zip(call, call, Integer::sum))
					.contextWrite(calls::addTo))
				.expectNext(2)
				.verifyComplete();
			assertThat(calls.count()).isEqualTo(2);
		}
		finally {
			caller.shutdownNow();
			upstream.shutdownNow();
		}
	}
}
