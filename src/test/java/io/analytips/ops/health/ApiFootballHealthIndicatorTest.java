package io.analytips.ops.health;

import java.util.List;

import io.analytips.football.api.ApiRequest;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.football.sim.data.HistoricalData;
import io.analytips.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class ApiFootballHealthIndicatorTest {

	private final ApiFootballSimulator simulator = new ApiFootballSimulator(HistoricalData.of(List.of()), TestClock.running(), "key");

	private final ResilientApiFootball api = new ResilientApiFootball(new SimulatorTransport(simulator, "key"),
			ApiTestSupport.properties("http://unused", "key", 1, 5), TestClock.running());

	private final ApiFootballHealthIndicator health = new ApiFootballHealthIndicator(api);

	@Test
	void isUpWithTheBreakerClosedAndTheQuotaLeft() {
		StepVerifier.create(api.fetch(ApiRequest.of("/leagues"))).expectNextCount(1).verifyComplete();
		StepVerifier.create(health.health())
			.assertNext(h -> {
				assertThat(h.getStatus()).isEqualTo(Status.UP);
				assertThat(h.getDetails()).containsEntry("breaker", "closed").containsKey("quotaDailyRemaining");
			})
			.verifyComplete();
	}

	@Test
	void isDegradedWhileTheBreakerIsOpen() {
		api.breaker().transitionToOpenState();
		StepVerifier.create(health.health())
			.assertNext(h -> {
				assertThat(h.getStatus()).isEqualTo(ApiFootballHealthIndicator.DEGRADED);
				assertThat(h.getDetails()).containsEntry("breaker", "open");
			})
			.verifyComplete();
	}

	@Test
	void isDegradedOnceTheDailyQuotaIsSpent() {
		simulator.faults().quotaExhausted(true);
		StepVerifier.create(api.fetch(ApiRequest.of("/leagues"))).expectError().verify();
		StepVerifier.create(health.health())
			.assertNext(h -> {
				assertThat(h.getStatus()).isEqualTo(ApiFootballHealthIndicator.DEGRADED);
				assertThat(h.getDetails()).containsKey("quotaStoppedUntil");
			})
			.verifyComplete();
	}
}
