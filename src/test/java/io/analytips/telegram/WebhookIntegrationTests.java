package io.analytips.telegram;

import java.time.Duration;

import io.analytips.support.AppIntegrationTest;
import io.analytips.support.AppTestEnvironment;
import io.analytips.support.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhook mode: the endpoint's checks, durability before 200, and dedup of redeliveries. */
@AppIntegrationTest
class WebhookIntegrationTests {

	static final AppTestEnvironment environment = new AppTestEnvironment();

	static final String SECRET = "s3cret_Token-1";

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment.register(registry);
		registry.add("analytips.telegram.mode", () -> "webhook");
		registry.add("analytips.telegram.webhook-url", () -> "https://bot.example.test/telegram/webhook");
		registry.add("analytips.telegram.webhook-secret", () -> SECRET);
	}

	@AfterAll
	static void close() {
		environment.close();
	}

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient db;

	private WebTestClient.ResponseSpec post(String secret, String body) {
		WebTestClient.RequestBodySpec request = web.post().uri(WebhookSource.PATH).contentType(MediaType.APPLICATION_JSON);
		if (secret != null) {
			request.header(WebhookSource.SECRET_HEADER, secret);
		}
		return request.bodyValue(body).exchange();
	}

	private long stored() {
		return db.sql("select count(*) from inbox").map(row -> row.get(0, Long.class)).one().block();
	}

	@Test
	void registersTheWebhookWithItsSecretAtStart() {
		await().atMost(Duration.ofSeconds(20)).until(() -> !environment.telegram.calls("setWebhook").isEmpty());
		var registration = environment.telegram.calls("setWebhook").get(0).body();
		assertThat(registration.path("url").asString()).isEqualTo("https://bot.example.test/telegram/webhook");
		assertThat(registration.path("secret_token").asString()).isEqualTo(SECRET);
		assertThat(environment.telegram.calls("deleteWebhook")).isEmpty();
	}

	@Test
	void refusesAWrongOrMissingSecretWithoutStoringAnything() {
		long before = stored();
		post("wrong", Updates.message(1, "/help").put("update_id", 90_001).toString()).expectStatus().isUnauthorized();
		post(null, Updates.message(1, "/help").put("update_id", 90_002).toString()).expectStatus().isUnauthorized();
		post(SECRET + "x", Updates.message(1, "/help").put("update_id", 90_003).toString()).expectStatus().isUnauthorized();
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void processesAnUpdateDeliveredTwiceOnce() {
		String update = Updates.message(601, "/help").put("update_id", 91_000).toString();
		post(SECRET, update).expectStatus().isOk();
		post(SECRET, update).expectStatus().isOk();
		await().atMost(Duration.ofSeconds(20)).until(() -> environment.telegram.messagesTo(601).size() == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> "done".equals(
				db.sql("select outcome from inbox where update_id = 91000").map(row -> row.get(0, String.class)).one().block()));
		assertThat(environment.telegram.messagesTo(601)).hasSize(1);
	}

	@Test
	void answersInvalidJsonWithBadRequest() {
		post(SECRET, "{not json").expectStatus().isBadRequest();
		post(SECRET, "[1,2,3]").expectStatus().isBadRequest();
		post(SECRET, "{\"no_update_id\":true}").expectStatus().isBadRequest();
	}

	@Test
	void storesAnUnusableUpdateAsInvalidAndConfirmsIt() {
		post(SECRET, "{\"update_id\":92000,\"message\":\"not an object\"}").expectStatus().isOk();
		assertThat(db.sql("select outcome from inbox where update_id = 92000").map(row -> row.get(0, String.class)).one()
			.block()).isEqualTo("invalid");
	}
}
