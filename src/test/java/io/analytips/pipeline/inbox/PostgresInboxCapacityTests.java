package io.analytips.pipeline.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import io.analytips.store.BatchWriter;
import io.analytips.store.DatabaseUrl;
import io.analytips.store.InboxRepository;
import io.analytips.support.TestDatabase;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox's group commit holds at most {@value BatchWriter#QUEUED_BATCHES} batches of 500 rows
 * while the database is slow; beyond that a store is refused whole, and the source, which has
 * confirmed nothing, stores it again later: nothing is lost.
 */
class PostgresInboxCapacityTests {

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool admin = TestDatabase.pool(url);

	private final DatabaseClient db = TestDatabase.client(admin);

	/** Stalled statements are cancelled after 500 ms; the inbox retries them for 60 s. */
	private final ConnectionPool pool = TestDatabase.pool(url, Duration.ofMillis(500));

	private final PostgresInbox inbox = new PostgresInbox(new InboxRepository(TestDatabase.client(pool)),
			Duration.ofSeconds(60), Duration.ofSeconds(60));

	@AfterEach
	void close() {
		TestDatabase.wake(db, "inbox");
		inbox.close().block(Duration.ofSeconds(30));
		pool.dispose();
		admin.dispose();
	}

	private static List<ReceivedUpdate> updates(long first, int count) {
		return LongStream.range(first, first + count)
			.mapToObj(id -> ReceivedUpdate.parse(id, Updates.message(id, "hi").put("update_id", id).toString()))
			.toList();
	}

	@Test
	void refusesAStoreWholeWhenFullThenTakesItOnceTheDatabaseCatchesUp() {
		TestDatabase.stallWrites(db, "inbox");
		List<List<ReceivedUpdate>> stored = new CopyOnWriteArrayList<>();
		// 10 000 updates accepted and waiting for the stalled database.
		Flux.range(0, 100).flatMap(i -> inbox.storeNew(updates(1 + 100L * i, 100)), 100).subscribe(stored::add);
		List<ReceivedUpdate> late = updates(10_001, 100);
		StepVerifier.create(inbox.storeNew(late))
			.expectError(BatchWriter.QueueFullException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(inbox.isFailing()).isTrue();

		TestDatabase.wake(db, "inbox");
		await().atMost(Duration.ofSeconds(60)).until(() -> stored.size() == 100);
		// The source stores the refused batch again: all of it is new.
		StepVerifier.create(inbox.storeNew(late)).assertNext(fresh -> assertThat(fresh).hasSize(100)).verifyComplete();
		StepVerifier.create(inbox.counts()).expectNext(Map.of("pending", 10_100L)).verifyComplete();
	}
}
