package io.analytips.replica.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.analytips.replica.Replica;
import io.analytips.store.DatabaseUrl;
import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Heartbeat rows: written, listed while fresh, kept from a second process with the same id, forgotten when dead. */
class ReplicaRepositoryTests {

	private static final Instant STARTED = Instant.parse("2026-11-23T12:00:00Z");

	private static final Duration TAKE_OVER_AFTER = Duration.ofSeconds(3);

	private static final Duration FORGET_AFTER = Duration.ofHours(1);

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final DatabaseClient db = TestDatabase.client(pool);

	private final ReplicaRepository replicas = new ReplicaRepository(db, TestDatabase.CALL_TIMEOUT);

	private final UUID incarnation = UUID.fromString("00000000-0000-0000-0000-000000000001");

	@AfterEach
	void close() {
		pool.dispose();
	}

	private ReplicaBeat beat(String id, UUID incarnation, boolean leads) {
		return new ReplicaBeat(id, incarnation, STARTED, "0.1.0 (abc1234)", leads);
	}

	/** Moves a row's last heartbeat into the past, as if its replica had gone silent then. */
	private void silentFor(String id, Duration silence) {
		db.sql("update replicas set seen_at = now() - make_interval(secs => $1) where id = $2")
			.bind(0, (double) silence.toSeconds())
			.bind(1, id)
			.then()
			.block(Duration.ofSeconds(10));
	}

	@Test
	void aHeartbeatWritesTheRowAndTheNextOneUpdatesIt() {
		StepVerifier.create(replicas.beat(beat("a", incarnation, false), TAKE_OVER_AFTER, FORGET_AFTER))
			.expectNext(true)
			.verifyComplete();
		StepVerifier.create(replicas.beat(beat("a", incarnation, true), TAKE_OVER_AFTER, FORGET_AFTER))
			.expectNext(true)
			.verifyComplete();
		StepVerifier.create(replicas.seenWithin(TAKE_OVER_AFTER))
			.assertNext(live -> {
				assertThat(live).singleElement().satisfies(replica -> {
					assertThat(replica.id()).isEqualTo("a");
					assertThat(replica.startedAt()).isEqualTo(STARTED);
					assertThat(replica.version()).isEqualTo("0.1.0 (abc1234)");
					assertThat(replica.leadsPolling()).isTrue();
					assertThat(replica.seenAt()).isNotNull();
				});
			})
			.verifyComplete();
	}

	@Test
	void aVersionMayBeUnknown() {
		replicas.beat(new ReplicaBeat("a", incarnation, STARTED, null, false), TAKE_OVER_AFTER, FORGET_AFTER)
			.block(Duration.ofSeconds(10));
		StepVerifier.create(replicas.seenWithin(TAKE_OVER_AFTER))
			.assertNext(live -> assertThat(live).singleElement().satisfies(replica -> assertThat(replica.version()).isNull()))
			.verifyComplete();
	}

	@Test
	void listsOnlyTheReplicasSeenWithinTheWindowLongestRunningFirst() {
		StepVerifier.create(replicas.seenWithin(TAKE_OVER_AFTER)).expectNext(List.of()).verifyComplete();
		replicas.beat(new ReplicaBeat("b", UUID.randomUUID(), STARTED.plusSeconds(60), null, false), TAKE_OVER_AFTER,
				FORGET_AFTER).block(Duration.ofSeconds(10));
		replicas.beat(beat("a", incarnation, true), TAKE_OVER_AFTER, FORGET_AFTER).block(Duration.ofSeconds(10));
		replicas.beat(beat("dead", UUID.randomUUID(), false), TAKE_OVER_AFTER, FORGET_AFTER).block(Duration.ofSeconds(10));
		silentFor("dead", Duration.ofSeconds(10));
		StepVerifier.create(replicas.seenWithin(TAKE_OVER_AFTER))
			.assertNext(live -> assertThat(live).extracting(Replica::id).containsExactly("a", "b"))
			.verifyComplete();
	}

	@Test
	void aSecondProcessWithTheSameIdLeavesTheLiveOnesRowAloneAndTakesOverADeadOnes() {
		UUID other = UUID.fromString("00000000-0000-0000-0000-000000000002");
		replicas.beat(beat("a", incarnation, true), TAKE_OVER_AFTER, FORGET_AFTER).block(Duration.ofSeconds(10));
		StepVerifier.create(replicas.beat(beat("a", other, false), TAKE_OVER_AFTER, FORGET_AFTER))
			.expectNext(false)
			.verifyComplete();
		StepVerifier.create(replicas.seenWithin(TAKE_OVER_AFTER))
			.assertNext(live -> assertThat(live).singleElement().satisfies(replica -> assertThat(replica.leadsPolling()).isTrue()))
			.verifyComplete();
		silentFor("a", Duration.ofSeconds(5));
		StepVerifier.create(replicas.beat(beat("a", other, false), TAKE_OVER_AFTER, FORGET_AFTER))
			.expectNext(true)
			.verifyComplete();
		// The first process's clean shutdown no longer removes what is now the second one's row.
		StepVerifier.create(replicas.remove("a", incarnation)).expectNext(false).verifyComplete();
		StepVerifier.create(replicas.remove("a", other)).expectNext(true).verifyComplete();
	}

	@Test
	void aHeartbeatForgetsReplicasSilentForLongerThanTheLimit() {
		replicas.beat(beat("gone", UUID.randomUUID(), false), TAKE_OVER_AFTER, FORGET_AFTER).block(Duration.ofSeconds(10));
		replicas.beat(beat("resting", UUID.randomUUID(), false), TAKE_OVER_AFTER, FORGET_AFTER).block(Duration.ofSeconds(10));
		silentFor("gone", Duration.ofHours(2));
		silentFor("resting", Duration.ofMinutes(30));
		replicas.beat(beat("a", incarnation, false), TAKE_OVER_AFTER, FORGET_AFTER).block(Duration.ofSeconds(10));
		StepVerifier.create(db.sql("select id from replicas order by id").map(row -> row.get("id", String.class)).all())
			.expectNext("a", "resting")
			.verifyComplete();
	}

	@Test
	void removingTellsWhetherThereWasARow() {
		replicas.beat(beat("a", incarnation, false), TAKE_OVER_AFTER, FORGET_AFTER).block(Duration.ofSeconds(10));
		StepVerifier.create(replicas.remove("a", incarnation)).expectNext(true).verifyComplete();
		StepVerifier.create(replicas.remove("a", incarnation)).expectNext(false).verifyComplete();
		StepVerifier.create(replicas.seenWithin(TAKE_OVER_AFTER)).expectNext(List.of()).verifyComplete();
	}

	@Test
	void aHungHeartbeatEndsAtTheStatementTimeout() {
		ConnectionPool strict = TestDatabase.pool(url, Duration.ofMillis(300));
		ReplicaRepository hurried = new ReplicaRepository(TestDatabase.client(strict), TestDatabase.CALL_TIMEOUT);
		try {
			TestDatabase.stallWrites(db, "replicas");
			StepVerifier.create(hurried.beat(beat("a", incarnation, false), TAKE_OVER_AFTER, FORGET_AFTER))
				.expectError(QueryTimeoutException.class)
				.verify(Duration.ofSeconds(5));
			TestDatabase.wake(db, "replicas");
			StepVerifier.create(hurried.beat(beat("a", incarnation, false), TAKE_OVER_AFTER, FORGET_AFTER))
				.expectNext(true)
				.verifyComplete();
		}
		finally {
			strict.dispose();
		}
	}

	@Test
	void everyCallFailsWhenTheDatabaseCannotBeReached() {
		pool.dispose();
		StepVerifier.create(replicas.beat(beat("a", incarnation, false), TAKE_OVER_AFTER, FORGET_AFTER))
			.expectError()
			.verify(Duration.ofSeconds(20));
		StepVerifier.create(replicas.seenWithin(TAKE_OVER_AFTER)).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(replicas.remove("a", incarnation)).expectError().verify(Duration.ofSeconds(20));
	}
}
