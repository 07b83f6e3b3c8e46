package io.analytips.store;

import java.time.Clock;
import java.time.Duration;

import io.analytips.support.TestClock;
import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Replicas on one database: one leads, the others stand by, and a dead leader's lock passes at once. */
class AdvisoryLockLeadershipTests {

	private static final Duration RETRY = Duration.ofMillis(100);

	private static final Duration CHECK = Duration.ofMillis(100);

	private static final Duration LEASE = Duration.ofMillis(300);

	/** A running clock: the lease is measured against real query times here. */
	private final Clock clock = TestClock.running();

	private ConnectionPool pool;

	private DatabaseClient db;

	private AdvisoryLockLeadership first;

	private AdvisoryLockLeadership second;

	@BeforeEach
	void start() {
		pool = TestDatabase.pool(TestDatabase.migrated());
		db = TestDatabase.client(pool);
		first = candidate();
		second = candidate();
	}

	@AfterEach
	void stop() {
		first.release().block(Duration.ofSeconds(5));
		second.release().block(Duration.ofSeconds(5));
		pool.dispose();
	}

	private AdvisoryLockLeadership candidate() {
		return new AdvisoryLockLeadership(pool.unwrap(), clock, Schedulers.parallel(), RETRY, CHECK, LEASE);
	}

	@Test
	void oneCandidateLeadsAndTheOtherStandsByUntilTheLeadIsGivenUp() {
		StepVerifier.create(first.acquire()).verifyComplete();
		assertThat(first.leads()).isTrue();
		assertThat(first.mayDeliver()).isTrue();

		StepVerifier.create(second.acquire()).expectSubscription().expectNoEvent(Duration.ofSeconds(1)).thenCancel().verify();
		assertThat(second.leads()).isFalse();
		assertThat(second.mayDeliver()).isFalse();

		StepVerifier.create(first.release()).verifyComplete();
		assertThat(first.leads()).isFalse();
		assertThat(first.mayDeliver()).isFalse();
		StepVerifier.create(second.acquire()).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(second.leads()).isTrue();
	}

	@Test
	void aLeaderWhoseSessionEndsLosesTheLeadAndItsSuccessorTakesOver() {
		StepVerifier.create(first.acquire()).verifyComplete();

		// as when the leader's process dies: PostgreSQL ends its session, and the lock with it
		db.sql("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted"
				+ " and ((classid::bigint << 32) | objid::bigint) = " + AdvisoryLockLeadership.KEY)
			.fetch()
			.all()
			.blockLast(Duration.ofSeconds(5));

		StepVerifier.create(first.lost()).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(first.leads()).isFalse();
		assertThat(first.mayDeliver()).isFalse();
		StepVerifier.create(second.acquire()).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(second.mayDeliver()).isTrue();
	}

	@Test
	void theLeaseOutlivesTheChecksOnlyWhileTheyAnswer() {
		StepVerifier.create(first.acquire()).verifyComplete();

		// several checks later the lease is still valid: each answered check extends it
		StepVerifier.create(first.lost()).expectSubscription().expectNoEvent(Duration.ofMillis(4 * LEASE.toMillis()))
			.thenCancel()
			.verify();
		assertThat(first.mayDeliver()).isTrue();
	}

	@Test
	void aStandbyThatCannotReachTheDatabaseKeepsTrying() {
		ConnectionPool nowhere = TestDatabase.pool(new DatabaseUrl("127.0.0.1", 1, "nowhere", "nobody", null, null));
		AdvisoryLockLeadership unreachable = new AdvisoryLockLeadership(nowhere.unwrap(), clock, Schedulers.parallel(),
				RETRY, CHECK, LEASE);

		StepVerifier.create(unreachable.acquire()).expectSubscription().expectNoEvent(Duration.ofSeconds(1)).thenCancel()
			.verify();
		assertThat(unreachable.leads()).isFalse();
		StepVerifier.create(unreachable.release()).verifyComplete();
		nowhere.dispose();
	}

	@Test
	void aCheckNotShorterThanTheLeaseIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AdvisoryLockLeadership(pool.unwrap(), clock,
				Schedulers.parallel(), RETRY, LEASE, LEASE));
	}
}
