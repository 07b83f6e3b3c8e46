package io.analytips.football.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.analytips.football.sim.data.HistoricalData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator over HTTP: API-Football paths with the key, faults injected through its control paths. */
class SimulatorServerTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

	private static SimulatorServer server;

	private static HttpClient client;

	record Answer(int status, String body) {
	}

	@BeforeAll
	static void start() {
		server = SimulatorServer.start(new ApiFootballSimulator(HistoricalData.of(List.of()), CLOCK, "k"), "127.0.0.1", 0);
		client = HttpClient.create().baseUrl(server.url()).headers(h -> h.add("x-apisports-key", "k"))
			.responseTimeout(Duration.ofSeconds(10));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void healthy() {
		server.simulator().faults().reset();
		server.simulator().resetCalls();
	}

	private static Mono<Answer> get(String uri) {
		return client.get().uri(uri).responseSingle((response, body) -> body.asString()
			.defaultIfEmpty("")
			.map(text -> new Answer(response.status().code(), text)));
	}

	private static Mono<Answer> post(String uri) {
		return client.post().uri(uri).responseSingle((response, body) -> body.asString()
			.defaultIfEmpty("")
			.map(text -> new Answer(response.status().code(), text)));
	}

	@Test
	void servesApiFootballPathsWithOrWithoutTheV3Prefix() {
		StepVerifier.create(get("/status"))
			.assertNext(answer -> assertThat(answer.body()).contains("\"limit_day\""))
			.verifyComplete();
		StepVerifier.create(get("/v3/status"))
			.assertNext(answer -> assertThat(answer.status()).isEqualTo(200))
			.verifyComplete();
		assertThat(server.simulator().callsByPath()).containsEntry("/status", 2L);
	}

	@Test
	void injectsFailuresForTheNextCallsOnRequest() {
		StepVerifier.create(post("/_simulator/faults?fail-next=2&status=502"))
			.assertNext(answer -> assertThat(answer.body()).contains("\"fail-next\":\"2\""))
			.verifyComplete();
		StepVerifier.create(get("/status").repeat(2).map(Answer::status).collectList())
			.assertNext(statuses -> assertThat(statuses).containsExactly(502, 502, 200))
			.verifyComplete();
	}

	@Test
	void spendsTheQuotaAndCountsCallsOnRequest() {
		StepVerifier.create(post("/_simulator/faults?quota-exhausted=true").then(get("/leagues")))
			.assertNext(answer -> assertThat(answer.body()).contains("request limit for the day"))
			.verifyComplete();
		StepVerifier.create(get("/_simulator/calls"))
			.assertNext(answer -> assertThat(answer.body()).contains("\"total\":1").contains("\"/leagues\":1"))
			.verifyComplete();
		StepVerifier.create(post("/_simulator/reset").then(get("/leagues")))
			.assertNext(answer -> assertThat(answer.body()).doesNotContain("request limit"))
			.verifyComplete();
	}

	@Test
	void refusesABadFaultAndChangesNothing() {
		StepVerifier.create(post("/_simulator/faults?fail-next=3&server-error-rate=1.5"))
			.assertNext(answer -> {
				assertThat(answer.status()).isEqualTo(400);
				assertThat(answer.body()).contains("server-error-rate must be a share from 0 to 1");
			})
			.verifyComplete();
		StepVerifier.create(post("/_simulator/faults?latency=5"))
			.assertNext(answer -> assertThat(answer.body()).contains("unknown parameter 'latency'"))
			.verifyComplete();
		StepVerifier.create(get("/status"))
			.assertNext(answer -> assertThat(answer.status()).isEqualTo(200))
			.verifyComplete();
	}

	@Test
	void answersAnUnknownControlWithTheKnownOnes() {
		StepVerifier.create(get("/_simulator/faults"))
			.assertNext(answer -> {
				assertThat(answer.status()).isEqualTo(404);
				assertThat(answer.body()).contains("POST /_simulator/faults");
			})
			.verifyComplete();
	}
}
