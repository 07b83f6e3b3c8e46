package io.analytips.store;

import java.time.Duration;

import io.analytips.support.CountedStatements;
import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each user's chosen language and time zone: found once saved, replaced by the next choice, absent otherwise; users
 * asked for together are read together.
 */
class UserSettingsRepositoryTests {

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final CountedStatements statements = new CountedStatements(pool);

	private final UserSettingsRepository settings = new UserSettingsRepository(DatabaseClient.create(statements),
			TestDatabase.CALL_TIMEOUT);

	@AfterEach
	void close() {
		settings.close();
		pool.dispose();
	}

	@Test
	void usersAskedForAtOnceAreReadTogetherEachWithTheirOwnSettings() {
		StepVerifier.create(settings.save(0, new UserSettings(3, "en", null))).verifyComplete();
		StepVerifier.create(settings.save(0, new UserSettings(250, null, "Europe/Lisbon"))).verifyComplete();
		StepVerifier.create(settings.save(1, new UserSettings(4, "pt-BR", null))).verifyComplete();
		int before = statements.count();
		// a burst of 300 new users, as the handlers of a dispatcher ask: all at once; user 4 only chose with bot 1
		StepVerifier.create(Flux.range(1, 300)
			.flatMapSequential(user -> settings.find(0, user).defaultIfEmpty(UserSettings.none(user)), 300)
			.collectList())
			.assertNext(found -> {
				assertThat(found).hasSize(300);
				assertThat(found.get(2)).isEqualTo(new UserSettings(3, "en", null));
				assertThat(found.get(249)).isEqualTo(new UserSettings(250, null, "Europe/Lisbon"));
				assertThat(found.get(3)).isEqualTo(UserSettings.none(4));
				assertThat(found).filteredOn(each -> each.language() == null && each.timeZone() == null).hasSize(298);
			})
			.verifyComplete();
		// one statement per batch, not per user (a slow machine may split the burst over a few lingers)
		assertThat(statements.count() - before).isBetween(1, 30);
	}

	@Test
	void theSameUserAskedForTwiceInOneBatchGetsTheirSettingsBothTimes() {
		StepVerifier.create(settings.save(0, new UserSettings(7, "en", null))).verifyComplete();
		StepVerifier.create(Flux.merge(settings.find(0, 7), settings.find(0, 7)).collectList())
			.assertNext(found -> assertThat(found).containsExactly(new UserSettings(7, "en", null),
					new UserSettings(7, "en", null)))
			.verifyComplete();
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
