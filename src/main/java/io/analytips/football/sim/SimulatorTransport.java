package io.analytips.football.sim;

import io.analytips.football.api.ApiRequest;
import io.analytips.football.api.ApiTransport;
import io.analytips.football.api.RawResponse;
import reactor.core.publisher.Mono;

/**
 * The simulator as an in-process transport: the client's whole stack (envelope checks, retries,
 * breaker, cache) runs as in production, minus the socket. Used where virtual time must drive
 * the retries (an HTTP round trip happens in real time).
 */
public final class SimulatorTransport implements ApiTransport {

	private final ApiFootballSimulator simulator;

	private final String key;

	public SimulatorTransport(ApiFootballSimulator simulator, String key) {
		this.simulator = simulator;
		this.key = key;
	}

	@Override
	public Mono<RawResponse> exchange(ApiRequest request) {
		return simulator.handle(request, key);
	}
}
