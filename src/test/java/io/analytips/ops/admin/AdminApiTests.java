package io.analytips.ops.admin;

import java.time.Duration;

import io.analytips.support.AppIntegrationTest;
import io.analytips.support.ApplicationDefaults;
import io.analytips.support.AppTestEnvironment;
import io.analytips.support.Conversation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin HTTP API: bearer token or 401, every attempt audited, health details for the token alone. */
@AppIntegrationTest
class AdminApiTests {

	static final AppTestEnvironment environment = new AppTestEnvironment();

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment.register(registry);
	}

	@AfterAll
	static void close() {
		environment.close();
	}

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient db;

	private long audited(String action, String result) {
		return db.sql("select count(*) from audit_log where channel = 'http' and action = '" + action + "' and result = '"
				+ result + "'").map(row -> row.get(0, Long.class)).one().block();
	}

	@Test
	void refusesRequestsWithoutTheTokenOrWithAWrongOne() {
		long before = audited("GET /admin/status", "refused");
		web.get().uri("/admin/status").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"analytips\"")
			.expectBody().jsonPath("$.message").isEqualTo("a valid bearer token is required");
		web.get().uri("/admin/status").headers(h -> h.setBearerAuth(AppTestEnvironment.ADMIN_TOKEN + "x")).exchange()
			.expectStatus().isUnauthorized();
		web.delete().uri("/admin/cache").header(HttpHeaders.AUTHORIZATION, "Basic YWRtaW46YWRtaW4=").exchange()
			.expectStatus().isUnauthorized();
		await().atMost(Duration.ofSeconds(10)).until(() -> audited("GET /admin/status", "refused") == before + 2
				&& audited("DELETE /admin/cache", "refused") >= 1);
	}

	@Test
	void reportsTheStatusToTheTokenHolder() {
		web.get().uri("/admin/status").headers(h -> h.setBearerAuth(AppTestEnvironment.ADMIN_TOKEN)).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.queue.capacity").isEqualTo(1000)
			.jsonPath("$.intake.state").isNotEmpty()
			.jsonPath("$.breaker.state").isEqualTo("closed")
			.jsonPath("$.quota.dailyLimit").exists()
			.jsonPath("$.inboxBacklog").isNumber()
			.jsonPath("$.uptimeSeconds").isNumber()
			.jsonPath("$.alerts.followers").isNumber()
			.jsonPath("$.alerts.byState").exists()
			.jsonPath("$.replica").isEqualTo(AppTestEnvironment.REPLICA_ID);
		// The first heartbeat is written before the web server starts: the replica lists itself, alone.
		web.get().uri("/admin/status").headers(h -> h.setBearerAuth(AppTestEnvironment.ADMIN_TOKEN)).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.replicas.length()").isEqualTo(1)
			.jsonPath("$.replicas[0].id").isEqualTo(AppTestEnvironment.REPLICA_ID)
			.jsonPath("$.replicas[0].self").isEqualTo(true)
			.jsonPath("$.replicas[0].leadsPolling").isEqualTo(true)
			.jsonPath("$.replicas[0].startedAt").isNotEmpty()
			.jsonPath("$.replicas[0].seenAt").isNotEmpty();
		await().atMost(Duration.ofSeconds(10)).until(() -> audited("GET /admin/status", "allowed") >= 1);
	}

	@Test
	void listsTheBreakersAndClearsTheCache() {
		web.get().uri("/admin/breakers").headers(h -> h.setBearerAuth(AppTestEnvironment.ADMIN_TOKEN)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[0].name").isEqualTo("api-football").jsonPath("$[0].state").isEqualTo("closed");
		web.delete().uri("/admin/cache").headers(h -> h.setBearerAuth(AppTestEnvironment.ADMIN_TOKEN)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.removedRows").isNumber();
		await().atMost(Duration.ofSeconds(10)).until(() -> audited("DELETE /admin/cache", "allowed") == 1);
	}

	@Test
	void showsHealthDetailsOnlyToTheTokenHolder() {
		web.get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components").doesNotExist();
		web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(AppTestEnvironment.ADMIN_TOKEN)).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.components.pipeline.details.queue.capacity").isEqualTo(1000)
			.jsonPath("$.components.replica.status").isEqualTo("UP")
			.jsonPath("$.components.replica.details.id").isEqualTo(AppTestEnvironment.REPLICA_ID)
			.jsonPath("$.components.replica.details.leadsPolling").isEqualTo(true);
	}

	@Test
	void streamsMatchingLogLinesToTheTokenHolder() {
		web.get().uri("/admin/logs/stream").exchange().expectStatus().isUnauthorized();
		web.get().uri("/admin/logs/stream?level=LOUD").headers(h -> h.setBearerAuth(AppTestEnvironment.ADMIN_TOKEN))
			.exchange().expectStatus().isBadRequest();
		Logger logger = LoggerFactory.getLogger("io.analytips.test.Streamed");
		StepVerifier.create(logStream("level=WARN&logger=io.analytips.test").take(1))
			.then(() -> Flux.interval(Duration.ofMillis(200)).take(25)
				.subscribe(tick -> {
					logger.info("not at WARN");
					logger.warn("operators see this");
				}))
			.assertNext(event -> assertThat(event.data()).contains("operators see this").contains("\"level\":\"WARN\""))
			.verifyComplete();
	}

	@Test
	void tagsAnUpdatesLogLinesWithItsIdsWhateverThreadLogsThem() {
		Conversation admin = new Conversation(environment.telegram, 900, "pt-br");
		StepVerifier.create(logStream("user=900&logger=io.analytips.ops.admin.AdminHandler").take(1))
			.then(() -> admin.send("/status"))
			.assertNext(event -> assertThat(event.data()).contains("Admin command /status by user 900")
				.contains("\"user_id\":\"900\"", "\"chat_id\":\"900\"", "\"handler\":\"AdminHandler\"", "\"update_id\":"))
			.verifyComplete();
	}

	private Flux<ServerSentEvent<String>> logStream(String query) {
		return web.get().uri("/admin/logs/stream?" + query)
			.headers(h -> h.setBearerAuth(AppTestEnvironment.ADMIN_TOKEN))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus().isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody()
			.filter(event -> "log".equals(event.event()));
	}

	@Test
	void streamsTheAccessLineOfAUsersCommandWithItsOutcomeAndLatency() {
		Flux<String> accessLines = logStream("user=910")
			.map(ServerSentEvent::data)
			.filter(data -> data.contains("\"logger\":\"io.analytips.access\""));
		Conversation user = new Conversation(environment.telegram, 910, "en");
		StepVerifier.create(accessLines.take(1))
			.then(() -> user.send("/help"))
			.assertNext(data -> assertThat(data)
				.containsPattern("update \\d+ message help by user 910 in chat 910: done in \\d+ ms, 0 upstream calls")
				.contains("\"user_id\":\"910\"", "\"chat_id\":\"910\"", "\"update_id\":", "\"handler\":\"HelpHandler\"")
				.contains("\"type\":\"message\"", "\"action\":\"help\"", "\"outcome\":\"done\"",
						"\"upstream_calls\":0")
				.containsPattern("\"latency_ms\":\\d+"))
			.expectComplete()
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void streamsOnlyTheAccessLinesOfRateLimitedUpdatesWhenAskedFor() {
		web.get().uri("/admin/logs/stream?outcome=exploded").headers(h -> h.setBearerAuth(AppTestEnvironment.ADMIN_TOKEN))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error").isEqualTo("outcome must be one of done, rate_limited, rejected, failed, invalid");
		Conversation flooding = new Conversation(environment.telegram, 911, "en");
		StepVerifier.create(logStream("outcome=rate_limited").map(ServerSentEvent::data).take(1))
			.then(() -> {
				int limit = ApplicationDefaults.pipeline().rateLimit();
				for (int i = 0; i <= limit; i++) { // one over BOT_RATE_LIMIT's burst (all sent at once)
					flooding.send("/help");
				}
			})
			.assertNext(data -> assertThat(data)
				.containsPattern("update \\d+ message by user 911 in chat 911: rate_limited in \\d+ ms, 0 upstream calls")
				.contains("\"user_id\":\"911\"", "\"outcome\":\"rate_limited\"", "\"action\":\"none\""))
			.expectComplete()
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void putsSecurityHeadersOnEveryAnswer() {
		web.get().uri("/actuator/health/liveness").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader().valueEquals("X-Frame-Options", "DENY")
			.expectHeader().valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
			.expectHeader().exists(HttpHeaders.CACHE_CONTROL);
	}

	@Test
	void leavesTheMetricsOpenForScraping() {
		web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		assertThat(AppTestEnvironment.ADMIN_TOKEN).hasSizeGreaterThanOrEqualTo(32);
	}
}
