package io.analytips.store;

import java.time.Duration;
import java.time.Instant;

import io.analytips.common.MutableClock;
import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Each user's history: newest first, trimmed by age and by count; and a deadline on each call. */
class AnalysisRepositoryTests {

	private final MutableClock clock = new MutableClock();

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final DatabaseClient db = TestDatabase.client(pool);

	private final AnalysisRepository analyses = new AnalysisRepository(db, clock, TestDatabase.CALL_TIMEOUT);

	@AfterEach
	void close() {
		pool.dispose();
	}

	static StoredAnalysis analysis(long user, long fixture, Instant createdAt) {
		return new StoredAnalysis(0, user, fixture, "full", "Arsenal", "Chelsea", Instant.parse("2026-11-23T20:00:00Z"),
				createdAt, 60, "{}", "<b>Arsenal x Chelsea</b>");
	}

	private long count(long user) {
		return db.sql("select count(*) from analyses where user_id = " + user).map(row -> row.get(0, Long.class)).one().block();
	}

	@Test
	void showsAUsersNewestFirstStampedWithTheApplicationsClock() {
		Long first = analyses.save(0, analysis(7, 100, null)).block();
		clock.advance(Duration.ofMinutes(1));
		StepVerifier.create(analyses.save(0, analysis(7, 200, null))).assertNext(id -> assertThat(id).isGreaterThan(first)).verifyComplete();
		StepVerifier.create(analyses.recent(0, 7, 8))
			.assertNext(newest -> {
				assertThat(newest.fixtureId()).isEqualTo(200);
				assertThat(newest.createdAt()).isEqualTo(clock.instant());
			})
			.assertNext(oldest -> assertThat(oldest.fixtureId()).isEqualTo(100))
			.verifyComplete();
		StepVerifier.create(analyses.recent(0, 8, 8)).verifyComplete();
	}

	@Test
	void findsOneOfAUsersAnalysesWithItsTextButNotAnotherUsers() {
		Long id = analyses.save(0, analysis(7, 100, null)).block();
		StepVerifier.create(analyses.find(0, 7, id))
			.assertNext(found -> {
				assertThat(found.fixtureId()).isEqualTo(100);
				assertThat(found.html()).isEqualTo("<b>Arsenal x Chelsea</b>");
			})
			.verifyComplete();
		StepVerifier.create(analyses.find(0, 8, id)).verifyComplete();
		StepVerifier.create(analyses.find(0, 7, id + 1000)).verifyComplete();
	}

	@Test
	void eachBotKeepsItsOwnHistoryOfAUser() {
		Long withOne = analyses.save(1, analysis(7, 100, null)).block();
		clock.advance(Duration.ofMinutes(1));
		Long withTwo = analyses.save(2, analysis(7, 200, null)).block();
		StepVerifier.create(analyses.recent(1, 7, 8).map(StoredAnalysis::fixtureId)).expectNext(100L).verifyComplete();
		StepVerifier.create(analyses.recent(2, 7, 8).map(StoredAnalysis::fixtureId)).expectNext(200L).verifyComplete();
		StepVerifier.create(analyses.find(2, 7, withOne)).verifyComplete();
		StepVerifier.create(analyses.find(1, 7, withTwo)).verifyComplete();
		StepVerifier.create(analyses.find(2, 7, withTwo).map(StoredAnalysis::fixtureId)).expectNext(200L).verifyComplete();
	}

	@Test
	void keepsEachUsersNewestAnalysesWithEachBot() {
		Instant now = clock.instant();
		Flux.range(0, 3).concatMap(i -> analyses.save(1, analysis(7, i, now.plusSeconds(i)))).blockLast();
		Flux.range(10, 3).concatMap(i -> analyses.save(2, analysis(7, i, now.plusSeconds(i)))).blockLast();
		StepVerifier.create(analyses.purgeBeyondPerUser(2, 10)).expectNext(2L).verifyComplete();
		StepVerifier.create(analyses.recent(1, 7, 8).map(StoredAnalysis::fixtureId)).expectNext(2L, 1L).verifyComplete();
		StepVerifier.create(analyses.recent(2, 7, 8).map(StoredAnalysis::fixtureId)).expectNext(12L, 11L).verifyComplete();
	}

	@Test
	void anAnalysisStoredWithoutItsTextIsFoundWithoutIt() {
		Long id = analyses.save(0, new StoredAnalysis(0, 7, 100, "full", "Arsenal", "Chelsea", null, null, 0, "{}", null)).block();
		StepVerifier.create(analyses.find(0, 7, id)).assertNext(found -> {
			assertThat(found.html()).isNull();
			assertThat(found.kickoff()).isNull();
		}).verifyComplete();
	}

	@Test
	void listsTheLastAskedFirstEvenWhenTheClockWentBack() {
		analyses.save(0, analysis(7, 100, Instant.parse("2027-03-14T12:05:00Z"))).block(); // a demo run on DEMO_DATE=2027-03-14
		analyses.save(0, analysis(7, 200, Instant.parse("2026-12-06T12:05:00Z"))).block(); // the next run, on 2026-12-06
		StepVerifier.create(analyses.recent(0, 7, 8).map(StoredAnalysis::fixtureId)).expectNext(200L, 100L).verifyComplete();
		StepVerifier.create(analyses.purgeBeyondPerUser(1, 10)).expectNext(1L).verifyComplete();
		StepVerifier.create(analyses.recent(0, 7, 8).map(StoredAnalysis::fixtureId)).expectNext(200L).verifyComplete();
	}

	@Test
	void purgesAnalysesOlderThanAnInstantInBatches() {
		Instant now = clock.instant();
		Flux.range(0, 25).concatMap(i -> analyses.save(0, analysis(7, i, now.minus(Duration.ofDays(91))))).blockLast();
		analyses.save(0, analysis(7, 99, now.minus(Duration.ofDays(89)))).block();
		StepVerifier.create(analyses.purgeOlderThan(now.minus(Duration.ofDays(90)), 10)).expectNext(25L).verifyComplete();
		StepVerifier.create(analyses.recent(0, 7, 100).map(StoredAnalysis::fixtureId)).expectNext(99L).verifyComplete();
	}

	@Test
	void keepsEachUsersNewestAnalysesOnly() {
		Instant now = clock.instant();
		Flux.range(0, 30).concatMap(i -> analyses.save(0, analysis(7, i, now.plusSeconds(i)))).blockLast();
		Flux.range(0, 3).concatMap(i -> analyses.save(0, analysis(8, i, now.plusSeconds(i)))).blockLast();
		StepVerifier.create(analyses.purgeBeyondPerUser(5, 10)).expectNext(25L).verifyComplete();
		StepVerifier.create(analyses.recent(0, 7, 100).map(StoredAnalysis::fixtureId)).expectNext(29L, 28L, 27L, 26L, 25L).verifyComplete();
		assertThat(count(8)).isEqualTo(3);
		StepVerifier.create(analyses.purgeBeyondPerUser(5, 10)).expectNext(0L).verifyComplete();
	}

	@Test
	void aHungSaveEndsAtTheStatementTimeout() {
		ConnectionPool strict = TestDatabase.pool(url, Duration.ofMillis(300));
		AnalysisRepository hurried = new AnalysisRepository(TestDatabase.client(strict), clock, TestDatabase.CALL_TIMEOUT);
		try {
			TestDatabase.stallWrites(db, "analyses");
			StepVerifier.create(hurried.save(0, analysis(7, 1, null)))
				.expectError(QueryTimeoutException.class)
				.verify(Duration.ofSeconds(5));
			TestDatabase.wake(db, "analyses");
			StepVerifier.create(hurried.save(0, analysis(7, 1, null))).expectNextCount(1).verifyComplete();
		}
		finally {
			strict.dispose();
		}
	}

	@Test
	void failsWhenTheDatabaseCannotBeReached() {
		pool.dispose();
		StepVerifier.create(analyses.recent(0, 7, 8)).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(analyses.find(0, 7, 1)).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(analyses.save(0, analysis(7, 1, null))).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(analyses.purgeBeyondPerUser(5, 10)).expectError().verify(Duration.ofSeconds(20));
	}
}
