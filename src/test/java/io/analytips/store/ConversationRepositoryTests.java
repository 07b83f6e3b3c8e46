package io.analytips.store;

import java.time.Duration;
import java.time.Instant;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/** One pending step per user, until it expires; and a deadline on each call. */
class ConversationRepositoryTests {

	private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final DatabaseClient db = TestDatabase.client(pool);

	private final ConversationRepository conversations = new ConversationRepository(db, TestDatabase.CALL_TIMEOUT);

	@AfterEach
	void close() {
		pool.dispose();
	}

	@Test
	void findsAStateUntilItExpires() {
		StepVerifier.create(conversations.save(0, new ConversationState(7, "awaiting-team", null, NOON.plusSeconds(600))))
			.verifyComplete();
		StepVerifier.create(conversations.find(0, 7, NOON))
			.expectNext(new ConversationState(7, "awaiting-team", null, NOON.plusSeconds(600)))
			.verifyComplete();
		StepVerifier.create(conversations.find(0, 7, NOON.plusSeconds(600))).verifyComplete();
		StepVerifier.create(conversations.find(0, 8, NOON)).verifyComplete();
	}

	@Test
	void aUsersStateWithOneBotIsNotAnotherBotsAndClearingOneKeepsTheOther() {
		StepVerifier.create(conversations.save(1, new ConversationState(7, "awaiting-team", null, NOON.plusSeconds(600))))
			.verifyComplete();
		StepVerifier.create(conversations.find(2, 7, NOON)).verifyComplete();
		conversations.save(2, new ConversationState(7, "awaiting-team", "{\"tries\":2}", NOON.plusSeconds(60))).block();
		StepVerifier.create(conversations.clear(2, 7)).verifyComplete();
		StepVerifier.create(conversations.find(1, 7, NOON))
			.expectNext(new ConversationState(7, "awaiting-team", null, NOON.plusSeconds(600)))
			.verifyComplete();
		StepVerifier.create(conversations.find(2, 7, NOON)).verifyComplete();
	}

	@Test
	void aNewStateReplacesTheOldOneAndClearingForgetsIt() {
		conversations.save(0, new ConversationState(7, "awaiting-team", null, NOON.plusSeconds(60))).block();
		conversations.save(0, new ConversationState(7, "awaiting-team", "{\"tries\":2}", NOON.plusSeconds(600))).block();
		StepVerifier.create(conversations.find(0, 7, NOON.plusSeconds(120)))
			.assertNext(state -> assertThat(state.data()).isEqualTo("{\"tries\":2}"))
			.verifyComplete();
		StepVerifier.create(conversations.clear(0, 7)).verifyComplete();
		StepVerifier.create(conversations.find(0, 7, NOON)).verifyComplete();
		StepVerifier.create(conversations.clear(0, 404)).verifyComplete();
	}

	@Test
	void aHungWriteEndsAtTheStatementTimeoutAndTheNextOneWorks() {
		ConnectionPool strict = TestDatabase.pool(url, Duration.ofMillis(300));
		ConversationRepository hurried = new ConversationRepository(TestDatabase.client(strict), TestDatabase.CALL_TIMEOUT);
		try {
			TestDatabase.stallWrites(db, "conversation_state");
			StepVerifier.create(hurried.save(0, new ConversationState(7, "awaiting-team", null, NOON.plusSeconds(600))))
				.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(QueryTimeoutException.class)
					.hasMessageContaining("statement timeout"))
				.verify(Duration.ofSeconds(5));
			TestDatabase.wake(db, "conversation_state");
			StepVerifier.create(hurried.save(0, new ConversationState(7, "awaiting-team", null, NOON.plusSeconds(600))))
				.verifyComplete();
			StepVerifier.create(hurried.find(0, 7, NOON)).expectNextCount(1).verifyComplete();
		}
		finally {
			strict.dispose();
		}
	}

	@Test
	void failsWhenTheDatabaseCannotBeReached() {
		pool.dispose();
		StepVerifier.create(conversations.find(0, 7, NOON)).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(conversations.clear(0, 7)).expectError().verify(Duration.ofSeconds(20));
	}
}
