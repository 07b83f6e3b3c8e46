package io.analytips.football.api;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.football.sim.data.HistoricalData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP transport against the simulator's server, with its connection pool filled on purpose. */
class HttpApiTransportTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

	private final SimulatorServer server = SimulatorServer.start(
			new ApiFootballSimulator(HistoricalData.of(List.of()), CLOCK, "k"), "127.0.0.1", 0);

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void bringsBackTheAnswerWithItsStatusAndHeaders() {
		HttpApiTransport transport = new HttpApiTransport(URI.create(server.url()), "k");
		StepVerifier.create(transport.exchange(Requests.status()))
			.assertNext(response -> {
				assertThat(response.status()).isEqualTo(200);
				assertThat(response.header("x-ratelimit-requests-limit")).isEqualTo("7500");
				assertThat(Wire.status(Envelope.read(response, Requests.status())).plan()).isEqualTo("Simulator");
			})
			.verifyComplete();
		transport.destroy();
	}

	@Test
	void aRefusedConnectionIsANetworkFailure() {
		HttpApiTransport transport = new HttpApiTransport(URI.create("http://127.0.0.1:1"), "k");
		StepVerifier.create(transport.exchange(Requests.status()))
			.expectErrorSatisfies(error -> {
				assertThat(((ApiFootballException) error).kind()).isEqualTo(ApiFootballException.Kind.NETWORK);
				assertThat(((ApiFootballException) error).isTransient()).isTrue();
			})
			.verify(Duration.ofSeconds(10));
		transport.destroy();
	}

	@Test
	void beyondItsConnectionsAndTheirWaitingLineARequestFailsAtOnceAsARetryableNetworkFailure() {
		HttpApiTransport transport = new HttpApiTransport(URI.create(server.url()), "k", 1, 1);
		server.simulator().faults().hangNext(1);
		Disposable onTheWire = transport.exchange(Requests.status()).subscribe(); // holds the one connection
		// it has reached the server (and hangs there) before the others come
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.simulator().calls() == 1);
		StepVerifier.create(transport.exchange(Requests.status())) // waits for it
			.expectSubscription()
			.then(() -> StepVerifier.create(transport.exchange(Requests.status())) // no room left: refused
				.expectErrorSatisfies(error -> {
					ApiFootballException ex = (ApiFootballException) error;
					assertThat(ex.kind()).isEqualTo(ApiFootballException.Kind.NETWORK);
					assertThat(ex.isTransient()).isTrue();
					assertThat(ex.getMessage()).contains("PoolAcquirePendingLimitException");
				})
				.verify(Duration.ofSeconds(10)))
			.then(onTheWire::dispose) // the hung request gives its connection up: the waiting one goes
			.assertNext(response -> assertThat(response.status()).isEqualTo(200))
			.verifyComplete();
		assertThat(server.simulator().calls()).isEqualTo(2);
		transport.destroy();
	}
}
