package io.analytips.store;

import io.analytips.support.AppIntegrationTest;
import io.analytips.support.AppTestEnvironment;
import io.analytips.support.Conversation;
import io.analytips.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole bot while a table's writes hang in PostgreSQL ({@code pg_sleep}): the statement timeout
 * ends them, the user is answered (an apology), and once the table is back the next request works.
 */
@AppIntegrationTest
class DeadlineIntegrationTests {

	static final AppTestEnvironment environment = new AppTestEnvironment();

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment.register(registry);
		registry.add("analytips.database.statement-timeout", () -> "2s");
		registry.add("analytips.database.call-timeout", () -> "4s");
	}

	@AfterAll
	static void close() {
		environment.close();
	}

	@Autowired
	DatabaseClient db;

	private long audited(String action) {
		return db.sql("select count(*) from audit_log where action = '" + action + "'").map(row -> row.get(0, Long.class)).one().block();
	}

	@Test
	void anAdminIsAnsweredWhileTheAuditLogHangsAndTheNextCommandIsAudited() {
		TestDatabase.stallWrites(db, "audit_log");
		Conversation admin = new Conversation(environment.telegram, 900, "en");
		admin.send("/status");
		admin.next(text -> text.contains("Something went wrong"));
		// The hung append gave the audit log's permit back: the next one is written.
		TestDatabase.wake(db, "audit_log");
		admin.send("/status");
		admin.next(text -> text.contains("Analytips status"));
		await().until(() -> audited("status") == 1);
	}

	@Test
	void aUserIsAnsweredWhileTheirConversationCannotBeSavedAndSearchesOnceItCan() {
		Conversation user = new Conversation(environment.telegram, 41, "en");
		user.send("/start");
		user.next(text -> text.contains("Welcome to Analytips"));
		TestDatabase.stallWrites(db, "conversation_state");
		user.press(label -> label.contains("Find a team"));
		// A button press is answered with an alert (the callback query's answer), not a message.
		await().untilAsserted(() -> assertThat(environment.telegram.calls("answerCallbackQuery"))
			.anySatisfy(call -> assertThat(call.body().path("text").asString()).contains("Something went wrong")));
		TestDatabase.wake(db, "conversation_state");
		user.press(label -> label.contains("Find a team"));
		user.next(text -> text.contains("Type the team's name"));
		assertThat(db.sql("select count(*) from conversation_state where user_id = 41").map(row -> row.get(0, Long.class)).one().block())
			.isEqualTo(1);
	}
}
