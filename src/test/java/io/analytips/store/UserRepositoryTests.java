package io.analytips.store;

import java.time.Duration;
import java.util.List;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class UserRepositoryTests {

	private final ConnectionPool pool = TestDatabase.pool(TestDatabase.migrated());

	private final DatabaseClient db = TestDatabase.client(pool);

	private final UserRepository users = new UserRepository(db);

	@AfterEach
	void close() {
		pool.dispose();
	}

	@Test
	void upsertsUsersKeepingTheLatestEntryOfEach() {
		StepVerifier.create(users.seen(List.of(new UserSeen(0, 1, "pt-br", "ana"), new UserSeen(0, 1, "en", "ana2"),
				new UserSeen(0, 2, null, null))))
			.expectNext(2)
			.verifyComplete();
		StepVerifier.create(users.seen(List.of(new UserSeen(0, 2, null, "bob")))).expectNext(1).verifyComplete();
		assertThat(db.sql("select user_id, language, username from users order by user_id")
			.map(row -> row.get(0, Long.class) + ":" + row.get(1, String.class) + ":" + row.get(2, String.class))
			.all()
			.collectList()
			.block()).containsExactly("1:en:ana2", "2:null:bob");
		StepVerifier.create(users.seen(List.of())).expectNext(0).verifyComplete();
	}

	@Test
	void aUserOfTwoBotsIsTwoRowsAndBlockingOneLeavesTheOther() {
		StepVerifier.create(users.seen(List.of(new UserSeen(1, 7, "pt-br", "ana"), new UserSeen(2, 7, "en", "ana"))))
			.expectNext(2)
			.verifyComplete();
		StepVerifier.create(users.markBlocked(1, 7)).verifyComplete();
		StepVerifier.create(users.isBlocked(1, 7)).expectNext(true).verifyComplete();
		StepVerifier.create(users.isBlocked(2, 7)).expectNext(false).verifyComplete();
		assertThat(db.sql("select bot_id, language from users where user_id = 7 order by bot_id")
			.map(row -> row.get(0, Long.class) + ":" + row.get(1, String.class))
			.all()
			.collectList()
			.block()).containsExactly("1:pt-br", "2:en");
	}

	@Test
	void failsWhenTheDatabaseCannotBeReached() {
		pool.dispose();
		StepVerifier.create(users.seen(List.of(new UserSeen(1, 7, null, null)))).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(users.markBlocked(1, 7)).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(users.isBlocked(1, 7)).expectError().verify(Duration.ofSeconds(20));
	}

	@Test
	void marksAUserBlockedUntilTheyWriteAgain() {
		users.seen(List.of(new UserSeen(0, 7, "pt-br", null))).block();
		StepVerifier.create(users.markBlocked(0, 7)).verifyComplete();
		StepVerifier.create(users.isBlocked(0, 7)).expectNext(true).verifyComplete();
		users.seen(List.of(new UserSeen(0, 7, "pt-br", null))).block();
		StepVerifier.create(users.isBlocked(0, 7)).expectNext(false).verifyComplete();
		StepVerifier.create(users.isBlocked(0, 404)).expectNext(false).verifyComplete();
	}
}
