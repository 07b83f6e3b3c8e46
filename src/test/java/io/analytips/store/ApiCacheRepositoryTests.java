package io.analytips.store;

import java.time.Duration;
import java.time.Instant;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache's durable tier: answers kept, replaced, cleared, purged; and a deadline on each call. */
class ApiCacheRepositoryTests {

	private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final ApiCacheRepository cache = new ApiCacheRepository(TestDatabase.client(pool), TestDatabase.CALL_TIMEOUT);

	@AfterEach
	void close() {
		pool.dispose();
	}

	private static CachedAnswer answer(String key, Instant expiresAt) {
		return new CachedAnswer(key, "{\"response\":[]}", expiresAt.minus(Duration.ofHours(1)), expiresAt);
	}

	@Test
	void keepsTheLatestAnswerOfAKey() {
		StepVerifier.create(cache.save(answer("/standings?league=39", NOON))).verifyComplete();
		StepVerifier.create(cache.save(answer("/standings?league=39", NOON.plusSeconds(60)))).verifyComplete();
		StepVerifier.create(cache.find("/standings?league=39"))
			.assertNext(found -> assertThat(found.expiresAt()).isEqualTo(NOON.plusSeconds(60)))
			.verifyComplete();
		StepVerifier.create(cache.find("/teams?search=nobody")).verifyComplete();
	}

	@Test
	void clearsEverything() {
		cache.save(answer("a", NOON)).block();
		cache.save(answer("b", NOON)).block();
		StepVerifier.create(cache.clear()).expectNext(2L).verifyComplete();
		StepVerifier.create(cache.clear()).expectNext(0L).verifyComplete();
	}

	@Test
	void purgesAnswersExpiredBeforeAnInstantInBatches() {
		Flux.range(0, 25).concatMap(i -> cache.save(answer("old-" + i, NOON.minus(Duration.ofDays(8))))).blockLast();
		cache.save(answer("kept-for-stale-if-error", NOON.minus(Duration.ofDays(6)))).block();
		cache.save(answer("fresh", NOON.plus(Duration.ofHours(1)))).block();
		StepVerifier.create(cache.purgeExpiredBefore(NOON.minus(Duration.ofDays(7)), 10)).expectNext(25L).verifyComplete();
		StepVerifier.create(cache.find("kept-for-stale-if-error")).expectNextCount(1).verifyComplete();
		StepVerifier.create(cache.find("fresh")).expectNextCount(1).verifyComplete();
		StepVerifier.create(cache.purgeExpiredBefore(NOON.minus(Duration.ofDays(7)), 10)).expectNext(0L).verifyComplete();
	}

	@Test
	void failsWhenTheDatabaseCannotBeReached() {
		pool.dispose();
		StepVerifier.create(cache.find("a")).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(cache.purgeExpiredBefore(NOON, 10)).expectError().verify(Duration.ofSeconds(20));
	}

	@Test
	void aReadThatWaitsOnALockEndsAtTheStatementTimeout() throws Exception {
		ConnectionPool strict = TestDatabase.pool(url, Duration.ofMillis(300));
		ApiCacheRepository hurried = new ApiCacheRepository(TestDatabase.client(strict), TestDatabase.CALL_TIMEOUT);
		try (AutoCloseable lock = TestDatabase.lock(url, "api_cache")) {
			StepVerifier.create(hurried.find("a"))
				.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(QueryTimeoutException.class)
					.hasMessageContaining("statement timeout"))
				.verify(Duration.ofSeconds(5));
			StepVerifier.create(hurried.save(answer("a", NOON))).expectError(QueryTimeoutException.class).verify(Duration.ofSeconds(5));
		}
		finally {
			strict.dispose();
		}
	}

	@Test
	void aCallTheServerDoesNotEndFailsAtItsDeadline() throws Exception {
		ConnectionPool lenient = TestDatabase.pool(url, Duration.ofSeconds(3));
		ApiCacheRepository hurried = new ApiCacheRepository(TestDatabase.client(lenient), Duration.ofMillis(300));
		try (AutoCloseable lock = TestDatabase.lock(url, "api_cache")) {
			StepVerifier.create(hurried.find("a"))
				.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(QueryTimeoutException.class)
					.hasMessageContaining("did not answer within PT0.3S"))
				.verify(Duration.ofSeconds(2));
		}
		finally {
			lenient.dispose();
		}
	}
}
