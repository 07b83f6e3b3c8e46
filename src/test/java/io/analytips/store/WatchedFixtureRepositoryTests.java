package io.analytips.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The followed fixtures as last read: added, kept up to date until their end is recorded, then left as they ended;
 * the open ones found by kick-off; the end recorded by one caller only.
 */
class WatchedFixtureRepositoryTests {

	private static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");

	private static final Instant KICKOFF = Instant.parse("2026-05-10T19:00:00Z");

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final DatabaseClient db = TestDatabase.client(pool);

	private final WatchedFixtureRepository watched = new WatchedFixtureRepository(db, TestDatabase.CALL_TIMEOUT);

	@AfterEach
	void close() {
		pool.dispose();
	}

	private static WatchedFixture fixture(long id, Instant kickoff, String status, Integer home, Integer away) {
		return new WatchedFixture(id, 71, 2026, 131, 127, "Palmeiras", "Flamengo", kickoff, status, home, away, null);
	}

	@Test
	void writesNewFixturesAndEmitsTheirIds() {
		StepVerifier.create(watched.watch(List.of(fixture(1001, KICKOFF, "NS", null, null),
				fixture(1002, KICKOFF.plusSeconds(3600), "NS", null, null)), NOW))
			.expectNext(1001L, 1002L)
			.verifyComplete();

		StepVerifier.create(watched.find(1001)).expectNext(fixture(1001, KICKOFF, "NS", null, null)).verifyComplete();
		StepVerifier.create(watched.find(1002)).expectNext(fixture(1002, KICKOFF.plusSeconds(3600), "NS", null, null))
			.verifyComplete();
	}

	@Test
	void writingNothingEmitsNothing() {
		StepVerifier.create(watched.watch(List.of(), NOW)).verifyComplete();
	}

	@Test
	void aFixtureReadAgainHasItsKickoffStatusAndScoreUpdated() {
		watched.watch(List.of(fixture(1001, KICKOFF, "NS", null, null)), NOW).blockLast();
		Instant moved = KICKOFF.plus(Duration.ofHours(2));

		StepVerifier.create(watched.watch(List.of(fixture(1001, moved, "2H", 1, 0)), NOW.plusSeconds(60)))
			.expectNext(1001L)
			.verifyComplete();
		StepVerifier.create(watched.find(1001)).expectNext(fixture(1001, moved, "2H", 1, 0)).verifyComplete();
	}

	@Test
	void aFixtureWhoseEndWasRecordedIsNoLongerUpdated() {
		Instant ended = KICKOFF.plus(Duration.ofHours(2));
		watched.watch(List.of(fixture(1001, KICKOFF, "2H", 1, 0)), NOW).blockLast();
		watched.end(1001, "FT", 2, 1, ended).block();

		StepVerifier.create(watched.watch(List.of(fixture(1001, KICKOFF.plusSeconds(600), "2H", 1, 1),
				fixture(1002, KICKOFF, "NS", null, null)), ended.plusSeconds(60)))
			.as("only the fixture written")
			.expectNext(1002L)
			.verifyComplete();
		StepVerifier.create(watched.find(1001))
			.expectNext(new WatchedFixture(1001, 71, 2026, 131, 127, "Palmeiras", "Flamengo", KICKOFF, "FT", 2, 1, ended))
			.verifyComplete();
	}

	@Test
	void theOpenFixturesAreTheUnendedOnesKickedOffByTheInstantInKickoffOrder() {
		Instant early = KICKOFF.minus(Duration.ofHours(3));
		watched.watch(List.of(fixture(1001, KICKOFF, "1H", 0, 0), fixture(1002, early, "FT", 1, 1),
				fixture(1003, early.plusSeconds(60), "2H", 0, 2), fixture(1004, KICKOFF.plusSeconds(1), "NS", null, null)),
				NOW).blockLast();
		watched.end(1002, "FT", 1, 1, KICKOFF).block();

		StepVerifier.create(watched.open(KICKOFF))
			.expectNext(fixture(1003, early.plusSeconds(60), "2H", 0, 2), fixture(1001, KICKOFF, "1H", 0, 0))
			.verifyComplete();
		StepVerifier.create(watched.open(early)).as("the ended one kicked off then").verifyComplete();
	}

	@Test
	void findsNothingForAFixtureNobodyWatches() {
		watched.watch(List.of(fixture(1001, KICKOFF, "NS", null, null)), NOW).blockLast();

		StepVerifier.create(watched.find(1002)).verifyComplete();
	}

	@Test
	void theEndIsRecordedOnceAndMayHaveNoScore() {
		watched.watch(List.of(fixture(1001, KICKOFF, "NS", null, null), fixture(1002, KICKOFF, "2H", 1, 0)), NOW)
			.blockLast();
		Instant ended = KICKOFF.plus(Duration.ofHours(2));

		StepVerifier.create(watched.end(1002, "FT", 2, 0, ended)).expectNext(true).verifyComplete();
		StepVerifier.create(watched.end(1002, "AET", 3, 0, ended.plusSeconds(60))).as("recorded already")
			.expectNext(false).verifyComplete();
		StepVerifier.create(watched.find(1002))
			.expectNext(new WatchedFixture(1002, 71, 2026, 131, 127, "Palmeiras", "Flamengo", KICKOFF, "FT", 2, 0, ended))
			.verifyComplete();

		StepVerifier.create(watched.end(1001, "CANC", null, null, NOW)).as("called off").expectNext(true)
			.verifyComplete();
		StepVerifier.create(watched.find(1001))
			.expectNext(new WatchedFixture(1001, 71, 2026, 131, 127, "Palmeiras", "Flamengo", KICKOFF, "CANC", null, null,
					NOW))
			.verifyComplete();

		StepVerifier.create(watched.end(1003, "FT", 1, 0, NOW)).as("not watched").expectNext(false).verifyComplete();
	}

	@Test
	void tellsWhichFixturesAreWatchedAlready() {
		watched.watch(List.of(fixture(1001, KICKOFF, "NS", null, null)), NOW).blockLast();

		StepVerifier.create(watched.known(List.of(1001L, 1002L))).expectNext(1001L).verifyComplete();
		StepVerifier.create(watched.known(List.of(1002L))).verifyComplete();
		StepVerifier.create(watched.known(List.of())).verifyComplete();
	}

	@Test
	void failsWhenTheDatabaseCannotBeReached() {
		pool.dispose();
		Duration wait = Duration.ofSeconds(20);
		StepVerifier.create(watched.watch(List.of(fixture(1001, KICKOFF, "NS", null, null)), NOW)).expectError()
			.verify(wait);
		StepVerifier.create(watched.open(KICKOFF)).expectError().verify(wait);
		StepVerifier.create(watched.find(1001)).expectError().verify(wait);
		StepVerifier.create(watched.end(1001, "FT", 1, 0, NOW)).expectError().verify(wait);
		StepVerifier.create(watched.known(List.of(1001L))).expectError().verify(wait);
	}
}
