package io.analytips.football.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.football.sim.data.HistoricalData;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.scheduler.clock.SchedulerClock;
import reactor.test.StepVerifier;
import reactor.util.context.Context;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/** The resilience stack in virtual time, against the simulator (in process: virtual time cannot drive a socket). */
class ResilientApiFootballTest {

	private VirtualTimeScheduler time;

	private ApiFootballSimulator simulator;

	@BeforeEach
	void virtualTime() {
		time = VirtualTimeScheduler.getOrSet();
		simulator = new ApiFootballSimulator(HistoricalData.of(List.of()), SchedulerClock.of(time), "key");
	}

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}

	private ResilientApiFootball api(int attempts, int breakerMinimumCalls) {
		return new ResilientApiFootball(new SimulatorTransport(simulator, "key"),
				ApiTestSupport.properties("http://unused", "key", attempts, breakerMinimumCalls), SchedulerClock.of(time));
	}

	private ResilientApiFootball api() {
		return api(5, 5);
	}

	/** The free plan's 10 calls a minute, client-side. */
	private ResilientApiFootball freePlan() {
		return new ResilientApiFootball(new SimulatorTransport(simulator, "key"),
				ApiTestSupport.freePlan("http://unused", "key"), clock());
	}

	private Clock clock() {
		return SchedulerClock.of(time);
	}

	/** The context of a request with {@code budget} from now for all its calls. */
	private Context deadlineIn(Context context, Duration budget) {
		return Deadline.within(context, clock(), budget);
	}

	private static ApiFootballException.Kind kind(Throwable error) {
		return ((ApiFootballException) error).kind();
	}

	/** Spends this minute's ten calls. */
	private void spendTheMinute(ResilientApiFootball api) {
		for (int i = 0; i < 10; i++) {
			StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
		}
	}

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
	void theBreakerOpensThenFailsFastThenAHalfOpenProbeClosesIt() {
		ResilientApiFootball api = api(1, 5);
		simulator.faults().failNext(5, 503);
		for (int i = 0; i < 5; i++) {
			StepVerifier.create(api.fetch(Requests.status())).expectError(ApiFootballException.class).verify();
		}
		assertThat(api.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

		StepVerifier.create(api.fetch(Requests.status()))
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.CIRCUIT_OPEN))
			.verify();
		assertThat(simulator.calls()).isEqualTo(5); // failed fast: never reached the simulator

		time.advanceTimeBy(Duration.ofSeconds(29));
		StepVerifier.create(api.fetch(Requests.status())).expectError(ApiFootballException.class).verify();
		assertThat(simulator.calls()).isEqualTo(5); // still open before its 30 s are over
		time.advanceTimeBy(Duration.ofMillis(1001));
		StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
		assertThat(api.breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(simulator.calls()).isEqualTo(6);
	}

	@Test
	void anOpenBreakerIsNotRetried() {
		ResilientApiFootball api = api(5, 3);
		simulator.faults().failNext(100, 503);
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(20))
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.CIRCUIT_OPEN))
			.verify();
		assertThat(simulator.calls()).isEqualTo(3); // the third failure opened it; the fourth attempt failed fast
	}

	@Test
	void aSpentQuotaStopsCallsUntilTheDailyReset() {
		ResilientApiFootball api = api();
		simulator.faults().quotaExhausted(true);
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectErrorSatisfies(error -> assertThat(((ApiFootballException) error).kind())
				.isEqualTo(ApiFootballException.Kind.QUOTA_EXHAUSTED))
			.verify();
		StepVerifier.create(api.fetch(Requests.status())).expectError(ApiFootballException.class).verify();
		assertThat(simulator.calls()).isEqualTo(1); // no retry storm, and no second call
		assertThat(api.quota().exhaustedUntil()).isNotNull();

		simulator.faults().reset();
		time.advanceTimeBy(Duration.ofDays(1));
		StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
	}

	@Test
	void readsTheQuotaHeadersIntoItsStatus() {
		ResilientApiFootball api = api();
		StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
		assertThat(api.quota().dailyLimit()).isEqualTo(7500);
		assertThat(api.quota().dailyRemaining()).isEqualTo(7499);
		assertThat(api.quota().minuteRemaining()).isEqualTo(299);
	}

	@Test
	void emitsNothingButTheEnvelopeForAnEmptyAnswer() {
		StepVerifier.create(api().fetch(Requests.fixturesOfSeason(1, 1900)))
			.assertNext(envelope -> assertThat(Wire.fixtures(envelope)).isEmpty())
			.verifyComplete();
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

	@Test
	void theEleventhCallOfAMinuteWaitsForTheNextMinute() {
		ResilientApiFootball api = freePlan();
		spendTheMinute(api);
		time.advanceTimeBy(Duration.ofSeconds(20)); // a wait of 40 s fits in the 45 s budget
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(39))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(simulator.calls()).isEqualTo(11);
	}

	@Test
	void aCallWhoseCallerLeftWhileItWaitedForAPermitIsNeverSentAndSpendsNone() {
		ResilientApiFootball api = freePlan();
		spendTheMinute(api);
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(30))
			.thenCancel()
			.verify();
		time.advanceTimeBy(Duration.ofSeconds(90));
		assertThat(simulator.calls()).isEqualTo(10);
		assertThat(api.minuteCallsLeft()).isEqualTo(10);
	}

	@Test
	void aCallThatCannotHaveAPermitBeforeItsDeadlineFailsAtOnceAndIsNotRetried() {
		ResilientApiFootball api = freePlan();
		spendTheMinute(api);
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status())
				.contextWrite(context -> deadlineIn(context, Duration.ofSeconds(30))), () -> time, Long.MAX_VALUE)
			.expectErrorSatisfies(error -> assertThat(kind(error)).isEqualTo(ApiFootballException.Kind.BUSY))
			.verify();
		assertThat(time.now(TimeUnit.MILLISECONDS)).isZero();
		time.advanceTimeBy(Duration.ofMinutes(2));
		assertThat(simulator.calls()).isEqualTo(10);
	}

	@Test
	void retriesStopAtTheDeadlineWithTheLastFailure() {
		simulator.faults().failNext(100, 500);
		ResilientApiFootball api = api(5, 100);
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status())
				.contextWrite(context -> deadlineIn(context, Duration.ofSeconds(5))), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(4999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies(error -> assertThat(kind(error)).isEqualTo(ApiFootballException.Kind.SERVER))
			.verify();
		assertThat(simulator.calls()).isEqualTo(3); // at 0, about 1 and about 3 s; the next would be after 5 s
	}

	@Test
	void callsMadeOneAfterTheOtherShareTheirRequestsDeadline() {
		simulator.faults().latency(Duration.ofSeconds(3));
		ResilientApiFootball api = api();
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()).then(api.fetch(Requests.status()))
				.contextWrite(context -> deadlineIn(context, Duration.ofSeconds(5))), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(4999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies(error -> assertThat(kind(error)).isEqualTo(ApiFootballException.Kind.TIMEOUT))
			.verify();
	}

	@Test
	void aCallWithoutADeadlineHasTheBudgetFromItsStart() {
		simulator.faults().hangNext(100);
		ResilientApiFootball api = api();
		assertThat(api.budget()).isEqualTo(Duration.ofSeconds(45));
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(44_999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies(error -> assertThat(kind(error)).isEqualTo(ApiFootballException.Kind.TIMEOUT))
			.verify();
	}

	@Test
	void theBudgetLeavesTheHandlerFifteenSecondsButNeverLessThanHalf() {
		assertThat(ResilientApiFootball.budgetWithin(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(45));
		assertThat(ResilientApiFootball.budgetWithin(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void backgroundCallsStopAtTheirShareOfTheDailyQuotaWhileUsersGoOn() {
		simulator.plan(100, 1000);
		ResilientApiFootball api = api();
		for (int i = 0; i < 30; i++) {
			StepVerifier.create(api.fetch(Requests.status()).contextWrite(QuotaPlanner::background))
				.expectNextCount(1)
				.verifyComplete();
		}
		StepVerifier.create(api.fetch(Requests.status()).contextWrite(QuotaPlanner::background))
			.expectErrorSatisfies(error -> assertThat(kind(error)).isEqualTo(ApiFootballException.Kind.BUSY))
			.verify();
		assertThat(simulator.calls()).isEqualTo(30);
		StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
		assertThat(simulator.calls()).isEqualTo(31);
		assertThat(api.quotaPlan()).isEqualTo(new QuotaPlanner.QuotaPlan(30, 30, 1));

		time.advanceTimeBy(Duration.ofDays(1)); // a new UTC day
		StepVerifier.create(api.fetch(Requests.status()).contextWrite(QuotaPlanner::background))
			.expectNextCount(1)
			.verifyComplete();
	}

	@Test
	void backgroundCallsLeaveTheLastTwoOfEachMinutesCallsToUsers() {
		ResilientApiFootball api = freePlan();
		for (int i = 0; i < 8; i++) {
			StepVerifier.create(api.fetch(Requests.status()).contextWrite(QuotaPlanner::background))
				.expectNextCount(1)
				.verifyComplete();
		}
		time.advanceTimeBy(Duration.ofSeconds(20));
		StepVerifier.withVirtualTime(() -> api.fetch(Requests.status()).contextWrite(QuotaPlanner::background),
				() -> time, Long.MAX_VALUE)
			.expectSubscription()
			.then(() -> {
				// meanwhile users still have this minute's last two calls
				StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
				StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
			})
			.expectNoEvent(Duration.ofSeconds(39))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(simulator.calls()).isEqualTo(11);
	}

	@Test
	void aClockSetBackNeitherRefusesCallsNorGivesExtraOnes() {
		io.analytips.common.MutableClock wall = new io.analytips.common.MutableClock();
		ResilientApiFootball api = new ResilientApiFootball(new SimulatorTransport(simulator, "key"),
				ApiTestSupport.freePlan("http://unused", "key"), wall);
		for (int i = 0; i < 5; i++) {
			StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
		}
		wall.advance(Duration.ofDays(-30)); // a test moving to an earlier date, or the machine's clock set back
		for (int i = 0; i < 5; i++) {
			StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
		}
		assertThat(api.minuteCallsLeft()).isZero();
		wall.advance(Duration.ofMinutes(1));
		assertThat(api.minuteCallsLeft()).isEqualTo(10);
	}
}
