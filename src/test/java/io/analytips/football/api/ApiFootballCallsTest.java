package io.analytips.football.api;

import java.util.ArrayList;
import java.util.List;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.football.sim.data.HistoricalData;
import io.analytips.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class ApiFootballCallsTest {

	@Test
	void namesTheOutcomeOfEachKindOfFailure() {
		assertThat(ApiFootballCalls.outcomeOf(new ApiFootballException(ApiFootballException.Kind.CONFIGURATION, "key")))
			.isEqualTo("configuration");
		assertThat(ApiFootballCalls.outcomeOf(new ApiFootballException(ApiFootballException.Kind.QUOTA_EXHAUSTED, "spent")))
			.isEqualTo("quota");
		assertThat(ApiFootballCalls.outcomeOf(new ApiFootballException(ApiFootballException.Kind.CIRCUIT_OPEN, "open")))
			.isEqualTo("breaker_open");
		assertThat(ApiFootballCalls.outcomeOf(new ApiFootballException(ApiFootballException.Kind.BAD_REQUEST, "400")))
			.isEqualTo("rejected");
		assertThat(ApiFootballCalls.outcomeOf(new ApiFootballException(ApiFootballException.Kind.BUSY, "no permit")))
			.isEqualTo("busy");
		assertThat(ApiFootballCalls.outcomeOf(new ApiFootballException(ApiFootballException.Kind.SERVER, "503")))
			.isEqualTo("retryable");
		assertThat(ApiFootballCalls.outcomeOf(new IllegalStateException("?"))).isEqualTo("retryable");
	}

	@Test
	void theClientReportsEachCallAsItEnds() {
		List<String> seen = new ArrayList<>();
		ApiFootballSimulator simulator = new ApiFootballSimulator(HistoricalData.of(List.of()), TestClock.running(), "key");
		ResilientApiFootball api = new ResilientApiFootball(new SimulatorTransport(simulator, "key"),
				ApiTestSupport.properties("http://unused", "key", 1, 5), TestClock.running(), new ApiFootballCalls() {
					@Override
					public void ended(String endpoint, String outcome) {
						seen.add(endpoint + " " + outcome);
					}

					@Override
					public void retried(String endpoint) {
						seen.add(endpoint + " retried");
					}
				});
		StepVerifier.create(api.fetch(ApiRequest.of("/leagues"))).expectNextCount(1).verifyComplete();
		simulator.faults().failNext(1, 400);
		StepVerifier.create(api.fetch(ApiRequest.of("/teams", "search", "fla"))).expectError().verify();
		assertThat(seen).containsExactly("/leagues ok", "/teams rejected");
	}
}
