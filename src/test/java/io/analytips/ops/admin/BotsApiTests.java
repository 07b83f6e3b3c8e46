package io.analytips.ops.admin;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import io.analytips.support.AppIntegrationTest;
import io.analytips.support.AppTestEnvironment;
import io.analytips.support.Conversation;
import io.analytips.support.FakeBot;
import io.analytips.support.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bots added, listed and removed through the admin API while the first bot runs on; every change audited. */
@AppIntegrationTest
class BotsApiTests {

	static final AppTestEnvironment environment = new AppTestEnvironment();

	static final String SECOND = "777001:second-token-of-the-bots-api-test-0000";

	static final String REVOKED = "777002:revoked-token-of-the-bots-api-test-000";

	static final FakeBot second = environment.telegram.addBot(SECOND, "second_bot").firstUpdateId(50_000);

	static final FakeBot revoked = environment.telegram.addBot(REVOKED, "revoked_bot");

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment.register(registry);
		registry.add("analytips.bots.token-key",
				() -> Base64.getEncoder().encodeToString("bots-api-test-key-of-32-bytes-xx".getBytes()));
		revoked.revoke();
	}

	@AfterAll
	static void close() {
		environment.close();
	}

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient db;

	private WebTestClient.RequestHeadersSpec<?> post(String body) {
		return web.post().uri("/admin/bots").headers(h -> h.setBearerAuth(AppTestEnvironment.ADMIN_TOKEN))
			.header("Content-Type", "application/json").bodyValue(body);
	}

	private long audited(String action, String result) {
		return db.sql("select count(*) from audit_log where action = '" + action + "' and result = '" + result + "'")
			.map(row -> row.get(0, Long.class)).one().block();
	}

	@Test
	void addsABotThatAnswersThenRemovesItAloneAuditingBoth() {
		post("{\"token\":\"" + SECOND + "\"}").exchange()
			.expectStatus().isCreated()
			.expectBody()
			.jsonPath("$.username").isEqualTo("second_bot")
			.jsonPath("$.id").isEqualTo(777001)
			.jsonPath("$.state").isEqualTo("running")
			.jsonPath("$.origin").isEqualTo("added")
			.jsonPath("$.token").doesNotExist();
		second.enqueue(Updates.message(4242, "/help"));
		await().atMost(Duration.ofSeconds(20)).until(() -> !second.messagesTo(4242).isEmpty());
		web.get().uri("/admin/bots").headers(h -> h.setBearerAuth(AppTestEnvironment.ADMIN_TOKEN)).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[0].username").isEqualTo("analytips_test_bot")
			.jsonPath("$[0].origin").isEqualTo("configured")
			.jsonPath("$[1].username").isEqualTo("second_bot");
		String stored = db.sql("select token_cipher from bots where id = 777001").map(row -> row.get(0, String.class))
			.one().block();
		assertThat(stored).startsWith("v1:").doesNotContain("second-token");

		Conversation admin = new Conversation(environment.telegram, 900, "en");
		admin.send("/status");
		assertThat(admin.next(text -> text.contains("Analytips status")).text())
			.contains("bots", "2 hosted", "@analytips_test_bot running", "@second_bot running");

		web.delete().uri("/admin/bots/SECOND_BOT").headers(h -> h.setBearerAuth(AppTestEnvironment.ADMIN_TOKEN)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.state").isEqualTo("stopped");
		environment.telegram.enqueue(Updates.message(4243, "/help"));
		await().atMost(Duration.ofSeconds(20)).until(() -> !environment.telegram.defaultBot().messagesTo(4243).isEmpty());
		await().atMost(Duration.ofSeconds(10)).until(() -> audited("bot.add", "allowed") == 1
				&& audited("bot.remove", "allowed") == 1);
		web.delete().uri("/admin/bots/second_bot").headers(h -> h.setBearerAuth(AppTestEnvironment.ADMIN_TOKEN)).exchange()
			.expectStatus().isNotFound();
	}

	@Test
	void refusesWhatIsNotATokenATokenTelegramRefusesAndABotHostedAlready() {
		post("{\"token\":\"not a token\"}").exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("not a bot token"));
		post("{}").exchange().expectStatus().isBadRequest();
		post("{\"token\":\"" + REVOKED + "\"}").exchange().expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("Telegram refused")
				.doesNotContain("revoked-token"));
		post("{\"token\":\"" + io.analytips.support.FakeBotApi.TOKEN + "\"}").exchange().expectStatus().isEqualTo(409);
		await().atMost(Duration.ofSeconds(10)).until(() -> audited("bot.add", "failed") >= 3);
		assertThat(db.sql("select string_agg(target, ' ') from audit_log").map(row -> row.get(0, String.class)).one()
			.block()).doesNotContain("revoked-token", "TEST-token");
	}

	@Test
	void refusesStrangers() {
		web.get().uri("/admin/bots").exchange().expectStatus().isUnauthorized();
		web.post().uri("/admin/bots").bodyValue(Map.of("token", SECOND)).exchange().expectStatus().isUnauthorized();
	}
}
