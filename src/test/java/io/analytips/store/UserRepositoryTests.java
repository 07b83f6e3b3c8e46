package io.analytips.store;

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
		StepVerifier.create(users.seen(List.of(new UserSeen(1, "pt-br", "ana"), new UserSeen(1, "en", "ana2"),
				new UserSeen(2, null, null))))
			.expectNext(2)
			.verifyComplete();
		StepVerifier.create(users.seen(List.of(new UserSeen(2, null, "bob")))).expectNext(1).verifyComplete();
		assertThat(db.sql("select user_id, language, username from users order by user_id")
			.map(row -> row.get(0, Long.class) + ":" + row.get(1, String.class) + ":" + row.get(2, String.class))
			.all()
			.collectList()
			.block()).containsExactly("1:en:ana2", "2:null:bob");
		StepVerifier.create(users.seen(List.of())).expectNext(0).verifyComplete();
	}

	@Test
	void marksAUserBlockedUntilTheyWriteAgain() {
		users.seen(List.of(new UserSeen(7, "pt-br", null))).block();
		StepVerifier.create(users.markBlocked(7)).verifyComplete();
		StepVerifier.create(users.isBlocked(7)).expectNext(true).verifyComplete();
		users.seen(List.of(new UserSeen(7, "pt-br", null))).block();
		StepVerifier.create(users.isBlocked(7)).expectNext(false).verifyComplete();
		StepVerifier.create(users.isBlocked(404)).expectNext(false).verifyComplete();
	}
}
