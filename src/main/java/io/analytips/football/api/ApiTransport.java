package io.analytips.football.api;

import reactor.core.publisher.Mono;

/**
 * Carries one request to API-Football (or to the simulator) and brings back the raw answer.
 * Emits the response whatever its status; errors only when no answer arrived (I/O), with an
 * {@link ApiFootballException}. No retries, no timeout: {@link ResilientApiFootball} adds those.
 */
public interface ApiTransport {

	Mono<RawResponse> exchange(ApiRequest request);
}
