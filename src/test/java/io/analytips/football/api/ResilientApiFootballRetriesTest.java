package io.analytips.football.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.analytips.football.sim.SimulatorTransport;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.scheduler.clock.SchedulerClock;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries in virtual time against the simulator: which failures are retried, after which waits, and how often. */
class ResilientApiFootballRetriesTest extends ResilientApiFixture {

	@Test
	void retriesTwo503sAndSucceedsAfterAboutOneThenTwoSeconds() {
		simulator.faults().failNext(2, 503);
		ResilientApiFootball api = api();
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(2700)) // 1 s and 2 s, each at most 10% early
			.thenAwait(Duration.ofMillis(600)) //             ... and at most 10% late
			.assertNext(envelope -> assertThat(Wire.status(envelope).plan()).isEqualTo("Simulator"))
			.verifyComplete();
		assertThat(simulator.calls()).isEqualTo(3);
	}

	@Test
	void neverRetriesABadRequest() {
		ResilientApiFootball api = api();
		StepVerifier.withVirtualTime(() -> api.fetch(ApiRequest.of("/fixtures")), () -> time, Long.MAX_VALUE)
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.BAD_REQUEST))
			.verify();
		assertThat(simulator.calls()).isEqualTo(1);
	}

	@Test
	void neverRetriesARejectedKey() {
		ResilientApiFootball api = new ResilientApiFootball(new SimulatorTransport(simulator, "wrong"),
				ApiTestSupport.properties("http://unused", "wrong"), SchedulerClock.of(time));
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.CONFIGURATION))
			.verify();
		assertThat(simulator.calls()).isEqualTo(1);
	}

	@Test
	void givesUpAfterFiveAttemptsWaitingOneTwoFourEightSeconds() {
		simulator.faults().failNext(100, 500);
		ResilientApiFootball api = api(5, 100);
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(13_500)) // 1 + 2 + 4 + 8 = 15 s, less 10%
			.thenAwait(Duration.ofSeconds(3))
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.SERVER))
			.verify();
		assertThat(simulator.calls()).isEqualTo(5);
	}

	@Test
	void aHangTimesOutAndIsRetried() {
		simulator.faults().hangNext(1);
		ResilientApiFootball api = api();
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(10 + 2))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(simulator.calls()).isEqualTo(2);
	}

	@Test
	void retriedCallsWaitOneTwoFourThenEightSecondsEachWithinTenPercent() {
		// twenty calls that always fail, each retried four times: their 80 gaps show the jitter's spread
		Map<String, List<Long>> attempts = new ConcurrentHashMap<>();
		ApiTransport failing = request -> Mono.fromSupplier(() -> {
			attempts.computeIfAbsent(request.key(), k -> new ArrayList<>()).add(time.now(TimeUnit.MILLISECONDS));
			return new RawResponse(500, Map.of(), "{\"message\":\"Something went wrong\"}".getBytes(StandardCharsets.UTF_8));
		});
		ResilientApiFootball api = new ResilientApiFootball(failing,
				ApiTestSupport.properties("http://unused", "key", 5, 1000), clock());
		StepVerifier.withVirtualTime(() -> Flux.range(0, 20)
				.flatMap(i -> api.fetch(ApiRequest.of("/status", "n", i)).onErrorResume(error -> Mono.empty())),
				() -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(20))
			.verifyComplete();
		assertThat(attempts).hasSize(20).allSatisfy((request, times) -> {
			assertThat(times).hasSize(5);
			long[] expected = { 1000, 2000, 4000, 8000 };
			for (int i = 0; i < expected.length; i++) {
				assertThat(times.get(i + 1) - times.get(i)).as(request + " gap " + (i + 1))
					.isBetween(expected[i] * 9 / 10, expected[i] * 11 / 10);
			}
		});
	}
}
