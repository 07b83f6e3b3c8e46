package io.analytips.store;

import java.time.Duration;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.r2dbc.core.DatabaseClient;

/** Each user's chosen language and time zone: found once saved, replaced by the next choice, absent otherwise. */
class UserSettingsRepositoryTests {

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final DatabaseClient db = TestDatabase.client(pool);

	private final UserSettingsRepository settings = new UserSettingsRepository(db, TestDatabase.CALL_TIMEOUT);

	@AfterEach
	void close() {
		pool.dispose();
	}

	@Test
	void findsWhatAUserChoseAndNothingForOthers() {
		StepVerifier.create(settings.save(0, new UserSettings(7, "en", null))).verifyComplete();
		StepVerifier.create(settings.find(0, 7)).expectNext(new UserSettings(7, "en", null)).verifyComplete();
		StepVerifier.create(settings.find(0, 8)).verifyComplete();
	}

	@Test
	void whatAUserChoseWithOneBotIsNotSeenByAnother() {
		StepVerifier.create(settings.save(1, new UserSettings(7, "en", "Europe/London"))).verifyComplete();
		StepVerifier.create(settings.find(2, 7)).verifyComplete();
		StepVerifier.create(settings.save(2, new UserSettings(7, "pt-BR", null))).verifyComplete();
		StepVerifier.create(settings.find(1, 7)).expectNext(new UserSettings(7, "en", "Europe/London")).verifyComplete();
		StepVerifier.create(settings.find(2, 7)).expectNext(new UserSettings(7, "pt-BR", null)).verifyComplete();
	}

	@Test
	void aNewChoiceReplacesTheOldOneAndNullsForgetIt() {
		settings.save(0, new UserSettings(7, "en", "Europe/London")).block();
		StepVerifier.create(settings.save(0, new UserSettings(7, null, "America/Manaus"))).verifyComplete();
		StepVerifier.create(settings.find(0, 7)).expectNext(new UserSettings(7, null, "America/Manaus")).verifyComplete();
	}

	@Test
	void failsWhenTheDatabaseCannotBeReached() {
		pool.dispose();
		StepVerifier.create(settings.find(0, 7)).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(settings.save(0, UserSettings.none(7))).expectError().verify(Duration.ofSeconds(20));
	}
}
