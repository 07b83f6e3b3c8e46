package io.analytips.store;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import io.analytips.common.MutableClock;
import io.analytips.common.Periodic;
import io.analytips.support.CapturedLogs;
import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The purges of api_cache and analyses, on a clock the test moves. */
class RetentionTests {

	/** The defaults of application.yml. */
	private static final DatabaseProperties.Retention DEFAULTS = DatabaseServerTests.settings("application.yml").retention();

	private final MutableClock clock = new MutableClock();

	private final ConnectionPool pool = TestDatabase.pool(TestDatabase.migrated());

	private final DatabaseClient db = TestDatabase.client(pool);

	private final ApiCacheRepository cache = new ApiCacheRepository(db, TestDatabase.CALL_TIMEOUT);

	private final AnalysisRepository analyses = new AnalysisRepository(db, clock, TestDatabase.CALL_TIMEOUT);

	private final PictureFileRepository pictures = new PictureFileRepository(db, TestDatabase.CALL_TIMEOUT);

	private final Retention retention = new Retention(cache, analyses, new AlertRepository(db, TestDatabase.CALL_TIMEOUT), pictures, DEFAULTS, clock);

	@AfterEach
	void close() {
		pool.dispose();
	}

	private long rows(String table) {
		return db.sql("select count(*) from " + table).map(row -> row.get(0, Long.class)).one().block();
	}

	private void expired(String key, Duration ago) {
		Instant expiresAt = clock.instant().minus(ago);
		cache.save(new CachedAnswer(key, "{}", expiresAt.minus(Duration.ofHours(3)), expiresAt)).block();
	}

	@Test
	void theDefaultsKeepAWeekOfStaleAnswersAndNinetyDaysOrAHundredAnalysesAUser() {
		assertThat(DEFAULTS).isEqualTo(new DatabaseProperties.Retention(Duration.ofHours(1), Duration.ofDays(7),
				Duration.ofDays(90), 100));
	}

	@Test
	void aRoundPurgesWhatIsPastEachRetention() {
		expired("/teams?search=flamengo", Duration.ofDays(8));
		expired("/teams?search=palmeiras", Duration.ofDays(6));
		Instant now = clock.instant();
		analyses.save(0, AnalysisRepositoryTests.analysis(7, 1, now.minus(Duration.ofDays(91)))).block();
		Flux.range(0, 105).concatMap(i -> analyses.save(0, AnalysisRepositoryTests.analysis(8, i, now.minusSeconds(i)))).blockLast();
		StepVerifier.create(retention.purge()).expectNext(new Retention.Purged(1, 1, 5, 0, 0)).verifyComplete();
		assertThat(rows("api_cache")).isEqualTo(1);
		assertThat(rows("analyses")).isEqualTo(100);

		// Two days on, the other stale answer is past the week too.
		clock.advance(Duration.ofDays(2));
		StepVerifier.create(retention.purge()).expectNext(new Retention.Purged(1, 0, 0, 0, 0)).verifyComplete();
		assertThat(rows("api_cache")).isZero();
	}

	@Test
	void endedAlertsGoAsLongAfterAsAnalysesWhileAlertsStillToGoStay() {
		Instant now = clock.instant();
		Instant old = now.minus(Duration.ofDays(91));
		db.sql("""
				insert into alerts (bot_id, chat_id, fixture_id, kind, due_at, state, created_at, finished_at) values
				(1, 7, 1001, 'before', $1, 'sent', $1, $1), (1, 8, 1001, 'before', $1, 'pending', $1, null),
				(1, 9, 1001, 'before', $2, 'sent', $2, $2)""")
			.bind(0, old.atOffset(java.time.ZoneOffset.UTC))
			.bind(1, now.atOffset(java.time.ZoneOffset.UTC))
			.fetch().rowsUpdated().block();

		StepVerifier.create(retention.purge()).expectNext(new Retention.Purged(0, 0, 0, 1, 0)).verifyComplete();
		assertThat(rows("alerts")).isEqualTo(2);
	}

	@Test
	void forgetsThePicturesUploadedAsLongAgoAsTheAnalysesKept() {
		db.sql("""
				insert into picture_files (bot_id, picture_key, file_id, updated_at) values
				(1, '1001-aa', 'old', $1), (1, '1002-bb', 'recent', $2)""")
			.bind(0, clock.instant().minus(Duration.ofDays(91)).atOffset(java.time.ZoneOffset.UTC))
			.bind(1, clock.instant().minus(Duration.ofDays(89)).atOffset(java.time.ZoneOffset.UTC))
			.fetch().rowsUpdated().block();

		StepVerifier.create(retention.purge()).expectNext(new Retention.Purged(0, 0, 0, 0, 1)).verifyComplete();
		StepVerifier.create(pictures.find(1, "1002-bb")).expectNext("recent").verifyComplete();
		StepVerifier.create(pictures.find(1, "1001-aa")).verifyComplete();
	}

	@Test
	void theDemoKeepsTheAnalysesOfEveryEarlierDemoDate() {
		DatabaseProperties.Retention demo = DatabaseServerTests.settings("application-demo.yml", "application.yml").retention();
		Retention demoRetention = new Retention(cache, analyses, new AlertRepository(db, TestDatabase.CALL_TIMEOUT), pictures, demo, clock);
		// made in a run on a DEMO_DATE years before this run's
		analyses.save(0, AnalysisRepositoryTests.analysis(1, 1, clock.instant().minus(Duration.ofDays(20 * 365)))).block();
		StepVerifier.create(demoRetention.purge()).expectNext(new Retention.Purged(0, 0, 0, 0, 0)).verifyComplete();
		assertThat(rows("analyses")).isEqualTo(1);
		assertThat(demo.analysesPerUser()).isEqualTo(DEFAULTS.analysesPerUser());
	}

	@Test
	void runsAMinuteAfterStartThenEveryHour() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		Periodic purges = retention.schedule(time, () -> true);
		expired("/teams?search=a", Duration.ofDays(8));
		purges.start();
		try {
			time.advanceTimeBy(Duration.ofSeconds(59));
			assertThat(rows("api_cache")).isEqualTo(1);
			time.advanceTimeBy(Duration.ofSeconds(1));
			await().until(() -> rows("api_cache") == 0);
			expired("/teams?search=b", Duration.ofDays(8));
			time.advanceTimeBy(Duration.ofMinutes(59));
			assertThat(rows("api_cache")).isEqualTo(1);
			time.advanceTimeBy(Duration.ofMinutes(1));
			await().until(() -> rows("api_cache") == 0);
		}
		finally {
			purges.stop();
		}
	}

	@Test
	void aRoundRunsOnlyWhileThisReplicaLeads() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		AtomicBoolean leads = new AtomicBoolean();
		Periodic purges = retention.schedule(time, leads::get);
		expired("/teams?search=a", Duration.ofDays(8));
		purges.start();
		try {
			time.advanceTimeBy(Duration.ofMinutes(1));
			assertThat(rows("api_cache")).isEqualTo(1);
			leads.set(true);
			time.advanceTimeBy(Duration.ofHours(1));
			await().until(() -> rows("api_cache") == 0);
		}
		finally {
			purges.stop();
		}
	}

	@Test
	void aFailedPurgeIsLoggedAndTheRoundStillEnds() {
		try (CapturedLogs logs = CapturedLogs.of(Retention.class.getName())) {
			pool.dispose();
			StepVerifier.create(retention.purge()).expectNext(new Retention.Purged(0, 0, 0, 0, 0)).verifyComplete();
			assertThat(logs.messages()).hasSize(5).allSatisfy(line -> assertThat(line).startsWith("Could not purge"));
		}
	}
}
