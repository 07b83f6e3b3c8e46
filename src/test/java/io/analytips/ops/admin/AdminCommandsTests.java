package io.analytips.ops.admin;

import io.analytips.support.AppIntegrationTest;
import io.analytips.support.AppTestEnvironment;
import io.analytips.support.Conversation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Admin commands: who may run them, what they do, and the audit trail (admin 900, operator 901). */
@AppIntegrationTest
class AdminCommandsTests {

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
	DatabaseClient db;

	private long audited(String action) {
		return db.sql("select count(*) from audit_log where action = '" + action + "' and result = 'allowed'")
			.map(row -> row.get(0, Long.class)).one().block();
	}

	private long refused(long user, String action) {
		return db.sql("select count(*) from audit_log where channel = 'telegram' and actor = '" + user + "' and action = '"
				+ action + "' and result = 'refused'").map(row -> row.get(0, Long.class)).one().block();
	}

	@Test
	void anAdminSeesTheStatusOfEverything() {
		Conversation admin = new Conversation(environment.telegram, 900, "pt-br");
		admin.send("/status");
		Conversation.Screen status = admin.next(text -> text.contains("Analytips status"));
		assertThat(status.text()).contains("uptime", "intake", "receiving", "queue", "0/1000", "outbound", "breaker",
				"closed", "rate limit", "bulkhead", "quota", "cache", "replicas", "1 live", "test-replica*", "polls",
				"alerts", "followers (", "pending, ")
			.startsWith("<b>").contains("<pre>");
		await().until(() -> audited("status") >= 1);
	}

	@Test
	void anOperatorMayReadTheStatusButNotClearTheCache() {
		Conversation operator = new Conversation(environment.telegram, 901, "pt-br");
		operator.send("/status");
		operator.next(text -> text.contains("Analytips status"));
		operator.send("/limpar_cache");
		operator.next(text -> text.contains("só para administradores"));
		await().until(() -> refused(901, "limpar_cache") == 1);
	}

	@Test
	void nobodyElseMayUseAdminCommands() {
		Conversation user = new Conversation(environment.telegram, 902, "en");
		user.send("/getlog");
		user.next(text -> text.contains("administrators only"));
		user.send("/status");
		user.next(text -> text.contains("administrators only"));
		await().until(() -> refused(902, "getlog") == 1 && refused(902, "status") == 1);
	}

	@Test
	void anAdminClearsTheCacheAndGetsTheLog() {
		long before = audited("limpar_cache");
		Conversation admin = new Conversation(environment.telegram, 900, "pt-br");
		admin.send("/limpar_cache");
		admin.next(text -> text.contains("Cache limpo"));
		await().until(() -> audited("limpar_cache") == before + 1);

		admin.send("/getlog");
		await().until(() -> environment.telegram.calls("sendDocument").stream()
			.anyMatch(call -> call.chatId() == 900 && call.body().path("multipart").asString().contains("filename=\"analytips-")
					&& call.body().path("multipart").asString().contains(" INFO ")));
		assertThat(audited("getlog")).isPositive();
	}
}
