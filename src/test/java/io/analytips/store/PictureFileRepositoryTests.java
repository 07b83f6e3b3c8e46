package io.analytips.store;

import java.time.Duration;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.r2dbc.core.DatabaseClient;

/** The file_ids of the pictures each bot uploaded: found once kept, replaced by a newer one, per bot, forgotten. */
class PictureFileRepositoryTests {

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final DatabaseClient db = TestDatabase.client(pool);

	private final PictureFileRepository files = new PictureFileRepository(db, TestDatabase.CALL_TIMEOUT);

	@AfterEach
	void close() {
		pool.dispose();
	}

	@Test
	void findsTheFileIdABotKeptAndNothingForAnotherBotOrPicture() {
		StepVerifier.create(files.save(1, "99-abc", "AgAD1")).verifyComplete();
		StepVerifier.create(files.find(1, "99-abc")).expectNext("AgAD1").verifyComplete();
		StepVerifier.create(files.find(2, "99-abc")).as("a file_id is its bot's only").verifyComplete();
		StepVerifier.create(files.find(1, "99-def")).verifyComplete();
	}

	@Test
	void aNewerFileIdReplacesTheOldAndForgettingTheOldLeavesTheNewer() {
		StepVerifier.create(files.save(1, "99-abc", "AgAD1")).verifyComplete();
		StepVerifier.create(files.save(1, "99-abc", "AgAD2")).verifyComplete();
		StepVerifier.create(files.forget(1, "99-abc", "AgAD1")).verifyComplete();
		StepVerifier.create(files.find(1, "99-abc")).expectNext("AgAD2").verifyComplete();
		StepVerifier.create(files.forget(1, "99-abc", "AgAD2")).verifyComplete();
		StepVerifier.create(files.find(1, "99-abc")).verifyComplete();
	}

	@Test
	void failsWhenTheDatabaseCannotBeReached() {
		pool.dispose();
		StepVerifier.create(files.find(1, "99-abc")).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(files.save(1, "99-abc", "AgAD1")).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(files.forget(1, "99-abc", "AgAD1")).expectError().verify(Duration.ofSeconds(20));
	}
}
