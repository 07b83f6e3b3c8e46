package io.analytips.football.api;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.football.sim.data.HistoricalData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import reactor.scheduler.clock.SchedulerClock;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import reactor.util.context.Context;

/**
 * What the {@link ResilientApiFootball} tests share: virtual time, the simulator in process (virtual time cannot
 * drive a socket), and clients over it with the settings a test needs.
 */
abstract class ResilientApiFixture {

	VirtualTimeScheduler time;

	ApiFootballSimulator simulator;

	@BeforeEach
	void virtualTime() {
		time = VirtualTimeScheduler.getOrSet();
		simulator = new ApiFootballSimulator(HistoricalData.of(List.of()), SchedulerClock.of(time), "key");
	}

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}

	ResilientApiFootball api(int attempts, int breakerMinimumCalls) {
		return new ResilientApiFootball(new SimulatorTransport(simulator, "key"),
				ApiTestSupport.properties("http://unused", "key", attempts, breakerMinimumCalls), SchedulerClock.of(time));
	}

	ResilientApiFootball api() {
		return api(5, 5);
	}

	/** The free plan's 10 calls a minute, client-side. */
	ResilientApiFootball freePlan() {
		return new ResilientApiFootball(new SimulatorTransport(simulator, "key"),
				ApiTestSupport.freePlan("http://unused", "key"), clock());
	}

	Clock clock() {
		return SchedulerClock.of(time);
	}

	/** The context of a request with {@code budget} from now for all its calls. */
	Context deadlineIn(Context context, Duration budget) {
		return Deadline.within(context, clock(), budget);
	}

	static ApiFootballException.Kind kind(Throwable error) {
		return ((ApiFootballException) error).kind();
	}

	/** Spends this minute's ten calls. */
	void spendTheMinute(ResilientApiFootball api) {
		for (int i = 0; i < 10; i++) {
			StepVerifier.create(api.fetch(Requests.status())).expectNextCount(1).verifyComplete();
		}
	}
}
