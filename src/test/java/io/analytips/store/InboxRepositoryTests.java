package io.analytips.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.analytips.support.TestDatabase;
import io.analytips.telegram.TelegramJson;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox table on a real (embedded) PostgreSQL. */
class InboxRepositoryTests {

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final org.springframework.r2dbc.core.DatabaseClient db = TestDatabase.client(pool);

	private final InboxRepository inbox = new InboxRepository(db);

	@AfterEach
	void close() {
		pool.dispose();
	}

	private static InboxRow row(long id) {
		return new InboxRow(id, "message", 1L, 1L, "{\"update_id\":" + id + "}", null, null);
	}

	@Test
	void theSameUpdateIdOfTwoBotsIsTwoNewRows() {
		StepVerifier.create(inbox.insertNew(1, List.of(row(5)))).expectNext(java.util.Set.of(5L)).verifyComplete();
		StepVerifier.create(inbox.insertNew(2, List.of(row(5)))).expectNext(java.util.Set.of(5L)).verifyComplete();
		StepVerifier.create(inbox.insertNew(1, List.of(row(5)))).expectNext(java.util.Set.of()).verifyComplete();
		StepVerifier.create(inbox.countByOutcome()).expectNext(Map.of("pending", 2L)).verifyComplete();
	}

	@Test
	void eachBotFinishesAndReadsOnlyItsOwnUpdates() {
		inbox.insertNew(1, List.of(row(5), row(6))).block();
		inbox.insertNew(2, List.of(row(5), row(7))).block();
		StepVerifier.create(inbox.finish(2, List.of(new InboxFinish(5, "done", null)))).expectNext(1L).verifyComplete();
		StepVerifier.create(inbox.unfinished(1, 10).map(StoredUpdate::updateId)).expectNext(5L, 6L).verifyComplete();
		StepVerifier.create(inbox.unfinished(2, 10).map(StoredUpdate::updateId)).expectNext(7L).verifyComplete();
		StepVerifier.create(inbox.unfinishedIds(1, 10)).expectNext(List.of(5L, 6L)).verifyComplete();
		StepVerifier.create(inbox.unfinishedIds(3, 10)).expectNext(List.of()).verifyComplete();
		StepVerifier.create(inbox.unfinishedAmong(2, List.of(5L, 6L, 7L)).map(StoredUpdate::updateId)).expectNext(7L)
			.verifyComplete();
		db.sql("update inbox set received_at = now() - interval '3 minutes'").then().block();
		StepVerifier.create(inbox.unfinishedIdsOlderThan(2, Duration.ofMinutes(2), 10)).expectNext(List.of(7L))
			.verifyComplete();
	}

	@Test
	void aBatchIsFinishedByLookingUpItsOwnIdsNotByReadingEveryUnfinishedRowOfTheBot() throws Exception {
		// 2 000 rows received, the first 1 000 finished since: the partial index of unfinished rows holds entries of both
		for (int first = 1; first <= 2_000; first += 500) {
			List<InboxRow> rows = new ArrayList<>();
			for (long id = first; id < first + 500; id++) {
				rows.add(row(id));
			}
			inbox.insertNew(1, rows).block();
		}
		List<InboxFinish> finished = new ArrayList<>();
		for (long id = 1; id <= 1_000; id++) {
			finished.add(new InboxFinish(id, "done", null));
		}
		StepVerifier.create(inbox.finish(1, finished)).expectNext(1_000L).verifyComplete();

		// the plan a prepared statement settles on looks the ids up
		String generic = genericPlanOfFinish();
		assertThat(generic).contains("update_id = ANY ($1)");

		// and, run on ten of the unfinished rows, the scan of the inbox returns those ten and no more
		Long[] ten = { 1_001L, 1_101L, 1_201L, 1_301L, 1_401L, 1_501L, 1_601L, 1_701L, 1_801L, 1_901L };
		String[] done = new String[ten.length];
		Arrays.fill(done, "done");
		String plan = db.sql("explain (analyze, format json) " + InboxRepository.FINISH)
			.bind(0, ten)
			.bind(1, done)
			.bind(2, new String[ten.length])
			.bind(3, 1L)
			.map(row -> row.get(0, String.class))
			.one()
			.block();
		List<Integer> inboxScans = new ArrayList<>();
		collectInboxScans(TelegramJson.mapper().readTree(plan), inboxScans);
		assertThat(inboxScans).containsExactly(10);
		StepVerifier.create(inbox.countByOutcome()).expectNext(Map.of("done", 1_010L, "pending", 990L)).verifyComplete();
	}

	/**
	 * The plan a prepared {@link InboxRepository#FINISH} settles on after its first runs (over JDBC: R2DBC will not
	 * send a {@code PREPARE} whose text has parameters).
	 */
	private String genericPlanOfFinish() throws SQLException {
		try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.username(), "");
				Statement statement = connection.createStatement()) {
			statement.execute("prepare finish(bigint[], text[], text[], bigint) as " + InboxRepository.FINISH);
			statement.execute("set plan_cache_mode = force_generic_plan");
			StringBuilder plan = new StringBuilder();
			try (ResultSet lines = statement.executeQuery("explain execute finish('{1}', '{done}', '{null}', 1)")) {
				while (lines.next()) {
					plan.append(lines.getString(1)).append('\n');
				}
			}
			return plan.toString();
		}
	}

	/** The actual rows of each plan node that scans the inbox table. */
	private static void collectInboxScans(JsonNode node, List<Integer> rows) {
		if (node.isArray()) {
			node.forEach(each -> collectInboxScans(each, rows));
			return;
		}
		if (node.isObject()) {
			if ("inbox".equals(node.path("Relation Name").asString(null)) && node.path("Node Type").asString("").contains("Scan")) {
				rows.add(node.path("Actual Rows").asInt());
			}
			node.forEach(each -> collectInboxScans(each, rows));
		}
	}

	@Test
	void marksAFirstSendOfOneBotsUpdateOnly() {
		inbox.insertNew(1, List.of(row(5))).block();
		inbox.insertNew(2, List.of(row(5))).block();
		StepVerifier.create(inbox.markFirstSent(1, List.of(5L))).expectNext(1L).verifyComplete();
		StepVerifier.create(inbox.markFirstSent(1, List.of(5L))).expectNext(0L).verifyComplete(); // the first mark stays
		StepVerifier.create(inbox.markFirstSent(1, List.of())).expectNext(0L).verifyComplete();
		StepVerifier.create(inbox.firstSentUnfinished(1)).expectNext(java.util.Set.of(5L)).verifyComplete();
		StepVerifier.create(inbox.firstSentUnfinished(2)).expectNext(java.util.Set.of()).verifyComplete();
	}

	@Test
	void failsToWriteOrMarkWhenTheDatabaseCannotBeReached() {
		pool.dispose();
		StepVerifier.create(inbox.insertNew(1, List.of(row(5)))).expectError().verify(Duration.ofSeconds(10));
		StepVerifier.create(inbox.finish(1, List.of(new InboxFinish(5, "done", null)))).expectError()
			.verify(Duration.ofSeconds(10));
		StepVerifier.create(inbox.markFirstSent(1, List.of(5L))).expectError().verify(Duration.ofSeconds(10));
		StepVerifier.create(inbox.firstSentUnfinished(1)).expectError().verify(Duration.ofSeconds(10));
		StepVerifier.create(inbox.unfinished(1, 10)).expectError().verify(Duration.ofSeconds(10));
	}

	@Test
	void insertsOnlyWhatIsNew() {
		StepVerifier.create(inbox.insertNew(0, List.of(row(1), row(2))))
			.assertNext(ids -> assertThat(ids).containsExactlyInAnyOrder(1L, 2L))
			.verifyComplete();
		StepVerifier.create(inbox.insertNew(0, List.of(row(2), row(3), row(3))))
			.assertNext(ids -> assertThat(ids).containsExactly(3L))
			.verifyComplete();
		StepVerifier.create(inbox.insertNew(0, List.of())).expectNext(java.util.Set.of()).verifyComplete();
	}

	@Test
	void findsUnfinishedRowsOlderThanAnAgeByTheDatabasesClockOldestFirst() {
		inbox.insertNew(0, List.of(row(1), row(2), row(3), row(4))).block();
		inbox.finish(0, List.of(new InboxFinish(2, "done", null))).block();
		db.sql("update inbox set received_at = now() - interval '3 minutes' where update_id in (1, 2, 3)").then().block();

		StepVerifier.create(inbox.unfinishedIdsOlderThan(0, Duration.ofMinutes(2), 10))
			.expectNext(List.of(1L, 3L)) // 2 is finished, 4 is fresh
			.verifyComplete();
		StepVerifier.create(inbox.unfinishedIdsOlderThan(0, Duration.ofMinutes(2), 1)).expectNext(List.of(1L)).verifyComplete();
		StepVerifier.create(inbox.unfinishedIdsOlderThan(0, Duration.ofMinutes(5), 10)).expectNext(List.of()).verifyComplete();
	}

	@Test
	void findsTheIdsOfUnfinishedRowsOfAnyAgeOldestFirst() {
		inbox.insertNew(0, List.of(row(4), row(2), row(3), row(1))).block();
		inbox.finish(0, List.of(new InboxFinish(2, "done", null))).block();
		StepVerifier.create(inbox.unfinishedIds(0, 10)).expectNext(List.of(1L, 3L, 4L)).verifyComplete();
		StepVerifier.create(inbox.unfinishedIds(0, 2)).expectNext(List.of(1L, 3L)).verifyComplete();
	}

	@Test
	void readsThePayloadsOfTheGivenRowsStillUnfinishedOldestFirst() {
		inbox.insertNew(0, List.of(row(1), row(2), row(3))).block();
		inbox.finish(0, List.of(new InboxFinish(2, "done", null))).block();
		StepVerifier.create(inbox.unfinishedAmong(0, List.of(3L, 2L, 1L, 99L)))
			.assertNext(stored -> assertThat(stored).isEqualTo(new StoredUpdate(1, "{\"update_id\":1}")))
			.assertNext(stored -> assertThat(stored.updateId()).isEqualTo(3))
			.verifyComplete();
		StepVerifier.create(inbox.unfinishedAmong(0, List.of())).verifyComplete();
	}

	@Test
	void failsToReadUnfinishedRowsWhenTheDatabaseIsGone() {
		pool.dispose();
		StepVerifier.create(inbox.unfinishedIds(0, 10)).expectError().verify(Duration.ofSeconds(10));
		StepVerifier.create(inbox.unfinishedIdsOlderThan(0, Duration.ofMinutes(2), 10)).expectError().verify(Duration.ofSeconds(10));
		StepVerifier.create(inbox.unfinishedAmong(0, List.of(1L))).expectError().verify(Duration.ofSeconds(10));
	}

	@Test
	void storesPayloadsJsonbWouldRefuse() {
		InboxRow hostile = new InboxRow(9, "message", null, null, "{\"text\":\"a\\u0000b" + "x".repeat(100_000) + "\"}",
				null, null);
		StepVerifier.create(inbox.insertNew(0, List.of(hostile))).expectNextCount(1).verifyComplete();
		StepVerifier.create(inbox.unfinished(0, 10))
			.assertNext(stored -> assertThat(stored.payload()).contains("\\u0000").hasSizeGreaterThan(100_000))
			.verifyComplete();
	}

	@Test
	void keepsTheFirstOutcome() {
		inbox.insertNew(0, List.of(row(1), row(2))).block();
		StepVerifier.create(inbox.finish(0, List.of(new InboxFinish(1, "done", null)))).expectNext(1L).verifyComplete();
		StepVerifier.create(inbox.finish(0, List.of(new InboxFinish(1, "failed", "late"), new InboxFinish(2, "rejected", "notified"))))
			.expectNext(1L)
			.verifyComplete();
		StepVerifier.create(inbox.countByOutcome())
			.expectNext(Map.of("done", 1L, "rejected", 1L))
			.verifyComplete();
		StepVerifier.create(inbox.finish(0, List.of())).expectNext(0L).verifyComplete();
	}

	@Test
	void anUpdateFinishedOnArrivalIsNeverUnfinished() {
		inbox.insertNew(0, List.of(new InboxRow(5, "invalid", null, null, "{}", "invalid", "unreadable"))).block();
		StepVerifier.create(inbox.unfinished(0, 10)).verifyComplete();
		StepVerifier.create(inbox.countByOutcome()).expectNext(Map.of("invalid", 1L)).verifyComplete();
	}

	@Test
	void readsUnfinishedUpdatesOldestFirstAcrossPages() {
		List<InboxRow> rows = new ArrayList<>();
		for (long id = 1; id <= 25; id++) {
			rows.add(row(id));
		}
		inbox.insertNew(0, rows).block();
		inbox.finish(0, List.of(new InboxFinish(3, "done", null))).block();
		StepVerifier.create(inbox.unfinished(0, 10).map(StoredUpdate::updateId).collectList())
			.assertNext(ids -> {
				assertThat(ids).hasSize(24).doesNotContain(3L).isSorted();
				assertThat(ids.get(0)).isEqualTo(1L);
			})
			.verifyComplete();
	}

	@Test
	void purgesOnlyOldFinishedRows() {
		inbox.insertNew(0, List.of(row(1), row(2))).block();
		inbox.finish(0, List.of(new InboxFinish(1, "done", null))).block();
		StepVerifier.create(inbox.purgeFinishedOlderThan(Duration.ofDays(1))).expectNext(0L).verifyComplete();
		TestDatabase.client(pool).sql("update inbox set finished_at = now() - interval '2 days' where update_id = 1")
			.then().block();
		StepVerifier.create(inbox.purgeFinishedOlderThan(Duration.ofDays(1))).expectNext(1L).verifyComplete();
		StepVerifier.create(inbox.countByOutcome()).expectNext(Map.of("pending", 1L)).verifyComplete();
	}
}
