package io.analytips.pipeline;

import io.analytips.store.UserRepository;
import io.analytips.support.TestDatabase;
import io.analytips.telegram.TelegramException;
import io.analytips.telegram.model.User;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UserTrackerTests {

	private final ConnectionPool pool = TestDatabase.pool(TestDatabase.migrated());

	private final DatabaseClient db = TestDatabase.client(pool);

	private final UserRepository repository = new UserRepository(db);

	private final UserTracker users = new UserTracker(repository, new SimpleMeterRegistry());

	@AfterEach
	void close() {
		users.close().block();
		pool.dispose();
	}

	private static User user(long id, String language) {
		return new User(id, false, "Ana", null, "ana", language);
	}

	private long rows() {
		return db.sql("select count(*) from users").map(row -> row.get(0, Long.class)).one().block();
	}

	@Test
	void recordsHumansAndIgnoresBotsAndNobody() {
		StepVerifier.create(users.seen(0, user(1, "pt-br"))).verifyComplete();
		StepVerifier.create(users.seen(0, new User(2, true, "Bot", null, null, null))).verifyComplete();
		StepVerifier.create(users.seen(0, null)).verifyComplete();
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void writesAnUnchangedUserAtMostOnceAMinuteButAChangeAtOnce() {
		users.seen(0, user(1, "pt-br")).block();
		db.sql("delete from users").then().block();
		users.seen(0, user(1, "pt-br")).block();
		assertThat(rows()).isZero(); // unchanged within the minute: not written again
		users.seen(0, user(1, "en")).block();
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void aForbiddenPrivateChatMarksItsUserBlockedAndTheirNextMessageUnblocks() {
		users.seen(0, user(5, "pt-br")).block();
		users.chatBlocked(5);
		await().until(() -> repository.isBlocked(0, 5).block());
		users.chatBlocked(-100); // a group: no user to mark
		users.seen(0, user(5, "pt-br")).block();
		StepVerifier.create(repository.isBlocked(0, 5)).expectNext(false).verifyComplete();
	}

	@Test
	void aUserOfTwoBotsIsTwoUsersEachWrittenAtOnce() {
		users.seen(1, user(5, "pt-br")).block();
		users.seen(2, user(5, "pt-br")).block(); // another bot: not "unchanged within the minute"
		assertThat(rows()).isEqualTo(2);
		StepVerifier.create(users.markBlocked(1, 5)).verifyComplete();
		StepVerifier.create(repository.isBlocked(1, 5)).expectNext(true).verifyComplete();
		StepVerifier.create(repository.isBlocked(2, 5)).expectNext(false).verifyComplete();
	}

	@Test
	void aBotsListenerMarksItsOwnUserBlockedAndNoOtherBotsOne() {
		users.seen(1, user(5, "pt-br")).block();
		users.seen(2, user(5, "pt-br")).block();
		users.listenerFor(2).chatBlocked(5);
		await().until(() -> repository.isBlocked(2, 5).block());
		StepVerifier.create(repository.isBlocked(1, 5)).expectNext(false).verifyComplete();
		users.listenerFor(2).unauthorized(new TelegramException(401, "Unauthorized", null, null));
		assertThat(users.unauthorizedError()).hasMessageContaining("401");
	}

	@Test
	void remembersThatTheTokenWasRejected() {
		assertThat(users.unauthorizedError()).isNull();
		users.unauthorized(new TelegramException(401, "Unauthorized", null, null));
		assertThat(users.unauthorizedError()).hasMessageContaining("401");
	}
}
