package io.analytips.replica.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.analytips.replica.Lease;
import io.analytips.store.DatabaseUrl;
import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Replicas on one database: one leads, the others stand by; a leader that stops renewing (frozen, cut off, dead) is
 * replaced once its lease expires, learns it lost at its next renewal, and a leader that only lost its database for
 * a while keeps its lead. Real time: the lease is measured against real statements.
 */
class LeaseRowLeadershipTests {

	private static final Duration RETRY = Duration.ofMillis(100);

	private static final Duration CHECK = Duration.ofMillis(100);

	private static final Duration LEASE = Duration.ofMillis(400);

	private ConnectionPool pool;

	private DatabaseClient db;

	/** The connections of {@link #first}: the test can make the database unreachable for it alone. */
	private final Switchable reachable = new Switchable();

	private LeaseRowLeadership first;

	private LeaseRowLeadership second;

	@BeforeEach
	void start() {
		pool = TestDatabase.pool(TestDatabase.migrated());
		db = TestDatabase.client(pool);
		reachable.factory = pool.unwrap();
		first = new LeaseRowLeadership(reachable, System::nanoTime, Schedulers.parallel(), RETRY, CHECK, LEASE);
		second = candidate();
	}

	@AfterEach
	void stop() {
		first.release().block(Duration.ofSeconds(5));
		second.release().block(Duration.ofSeconds(5));
		pool.dispose();
	}

	private LeaseRowLeadership candidate() {
		return new LeaseRowLeadership(pool.unwrap(), System::nanoTime, Schedulers.parallel(), RETRY, CHECK, LEASE);
	}

	@Test
	void oneCandidateLeadsAndTheOtherStandsByUntilTheLeadIsGivenUp() {
		StepVerifier.create(first.acquire()).verifyComplete();
		assertThat(first.leads()).isTrue();
		assertThat(first.mayDeliver()).isTrue();

		StepVerifier.create(second.acquire()).expectSubscription().expectNoEvent(Duration.ofSeconds(1)).thenCancel().verify();
		assertThat(second.leads()).isFalse();
		assertThat(second.lease()).isSameAs(Lease.NONE);

		Lease given = first.lease();
		StepVerifier.create(first.release()).verifyComplete();
		assertThat(first.leads()).isFalse();
		assertThat(given.ended()).as("a term given up never delivers again").isTrue();
		long asked = System.nanoTime();
		StepVerifier.create(second.acquire()).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("a lead given up is taken without waiting for the lease")
			.isLessThan(LEASE);
		assertThat(second.mayDeliver()).isTrue();
	}

	@Test
	void aLeaderThatStopsRenewingIsReplacedOnceItsLeaseExpiresAndItsLeaseRanOutFirst() {
		StepVerifier.create(first.acquire()).verifyComplete();
		Lease frozen = first.lease();

		first.halt(); // frozen: the process keeps its connection open and says nothing
		StepVerifier.create(second.acquire()).expectComplete().verify(Duration.ofSeconds(5));

		assertThat(frozen.valid()).as("the frozen leader's own lease ran out before the row could be taken").isFalse();
		assertThat(second.mayDeliver()).isTrue();
		assertThat(epoch()).isEqualTo(2);
	}

	@Test
	void aLeaderWhoseRowWasTakenLearnsItLostAtItsNextRenewal() {
		StepVerifier.create(first.acquire()).verifyComplete();
		Lease term = first.lease();

		// as after a long pause: the row expired and another replica took it
		db.sql("update leader_lease set holder = 'another replica', epoch = epoch + 1").fetch().rowsUpdated()
			.block(Duration.ofSeconds(5));

		StepVerifier.create(first.lost()).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(term.ended()).isTrue();
		assertThat(term.valid()).isFalse();
		assertThat(first.leads()).isFalse();
		assertThat(first.lease()).isSameAs(Lease.NONE);
	}

	@Test
	void aLeaderCutOffFromItsDatabaseStopsDeliveringAndGoesOnWithTheSameTermWhenNobodyTookOver() {
		StepVerifier.create(first.acquire()).verifyComplete();
		Lease term = first.lease();

		reachable.cut(db);
		await().atMost(Duration.ofSeconds(5)).until(() -> !term.valid());
		assertThat(term.ended()).as("a blip ends no term").isFalse();
		assertThat(first.leads()).isTrue();

		reachable.restore();
		await().atMost(Duration.ofSeconds(5)).until(term::valid);
		assertThat(first.lease()).isSameAs(term);
		StepVerifier.create(first.lost()).expectSubscription().expectNoEvent(Duration.ofMillis(500)).thenCancel().verify();
	}

	@Test
	void aLeaderCutOffForLongerThanItsLeaseLosesToAStandbyAndKnowsItOnceItIsBack() {
		StepVerifier.create(first.acquire()).verifyComplete();
		Lease term = first.lease();

		reachable.cut(db);
		StepVerifier.create(second.acquire()).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(term.valid()).isFalse();

		reachable.restore();
		StepVerifier.create(first.lost()).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(term.ended()).isTrue();
		assertThat(second.mayDeliver()).isTrue();
	}

	@Test
	void whenTheDatabaseComesBackFromABlipTheLeaderRenewsBeforeAStandbyCanTakeItsRow() {
		Switchable standbysWay = new Switchable();
		standbysWay.factory = pool.unwrap();
		LeaseRowLeadership standby = new LeaseRowLeadership(standbysWay, System::nanoTime, Schedulers.parallel(), RETRY,
				CHECK, LEASE);
		StepVerifier.create(first.acquire()).verifyComplete();
		Lease term = first.lease();
		var waiting = standby.acquire().subscribe();
		try {
			// the database is away for everyone, for several leases
			reachable.cut(db);
			standbysWay.cut(db);
			await().atMost(Duration.ofSeconds(5)).until(() -> !term.valid());
			StepVerifier.create(first.lost()).expectSubscription().expectNoEvent(Duration.ofMillis(5 * LEASE.toMillis()))
				.thenCancel()
				.verify();

			reachable.restore();
			standbysWay.restore();
			await().atMost(Duration.ofSeconds(5)).until(term::valid);
			StepVerifier.create(first.lost()).expectSubscription().expectNoEvent(Duration.ofMillis(4 * LEASE.toMillis()))
				.thenCancel()
				.verify();
			assertThat(standby.leads()).isFalse();
			assertThat(epoch()).as("the same term throughout").isEqualTo(1);
		}
		finally {
			waiting.dispose();
			standby.release().block(Duration.ofSeconds(5));
		}
	}

	@Test
	void theLeaseOutlivesTheRenewalsOnlyWhileTheyAnswer() {
		StepVerifier.create(first.acquire()).verifyComplete();

		StepVerifier.create(first.lost()).expectSubscription().expectNoEvent(Duration.ofMillis(4 * LEASE.toMillis()))
			.thenCancel()
			.verify();
		assertThat(first.mayDeliver()).isTrue();
	}

	@Test
	void aStandbyThatCannotReachTheDatabaseKeepsTrying() {
		ConnectionPool nowhere = TestDatabase.pool(new DatabaseUrl("127.0.0.1", 1, "nowhere", "nobody", null, null));
		LeaseRowLeadership unreachable = new LeaseRowLeadership(nowhere.unwrap(), System::nanoTime, Schedulers.parallel(),
				RETRY, CHECK, LEASE);

		StepVerifier.create(unreachable.acquire()).expectSubscription().expectNoEvent(Duration.ofSeconds(1)).thenCancel()
			.verify();
		assertThat(unreachable.leads()).isFalse();
		StepVerifier.create(unreachable.release()).verifyComplete();
		nowhere.dispose();
	}

	@Test
	void aCheckNotShorterThanTheLeaseIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LeaseRowLeadership(pool.unwrap(), System::nanoTime,
				Schedulers.parallel(), RETRY, LEASE, LEASE));
	}

	private long epoch() {
		return db.sql("select epoch from leader_lease").map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(5));
	}

	/** Connections that fail while cut, as when the network to the database is down. */
	private static final class Switchable implements ConnectionFactory {

		volatile ConnectionFactory factory;

		private final AtomicBoolean cut = new AtomicBoolean();

		/** New connections fail, and the ones open now are ended by the server. */
		void cut(DatabaseClient admin) {
			cut.set(true);
			admin.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'lease-under-test'")
				.fetch()
				.all()
				.blockLast(Duration.ofSeconds(5));
		}

		void restore() {
			cut.set(false);
		}

		@Override
		public Publisher<? extends Connection> create() {
			return Mono.defer(() -> cut.get() ? Mono.error(new IllegalStateException("database unreachable"))
					: Mono.from(factory.create()).flatMap(connection -> Mono.from(connection
						.createStatement("set application_name = 'lease-under-test'").execute())
						// a connection made while the cut ran escaped its terminate (not named yet): ended here
						.then(Mono.defer(() -> cut.get()
								? Mono.from(connection.close()).then(Mono.error(new IllegalStateException("database unreachable")))
								: Mono.just(connection)))));
		}

		@Override
		public ConnectionFactoryMetadata getMetadata() {
			return factory.getMetadata();
		}
	}
}
