package io.analytips.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code V12__inbox_pending.sql} over an inbox that marked its unfinished rows with a partial index: each of them is
 * pending afterwards (so a restart still replays it), the finished ones are not, and no index of the inbox depends on
 * the columns a finish writes.
 */
class MigrationsInboxPendingTests {

	@Test
	void theUnfinishedRowsOfEveryBotArePendingAfterTheMigration() {
		DatabaseUrl url = TestDatabase.fresh();
		new Migrations(url, List.of(), 777).migrate("11");
		ConnectionPool pool = TestDatabase.pool(url);
		try {
			DatabaseClient db = TestDatabase.client(pool);
			for (String insert : List.of(
					"insert into inbox (bot_id, update_id, kind, payload) values (777, 41, 'message', '{\"update_id\":41}')",
					"insert into inbox (bot_id, update_id, kind, payload) values (888, 41, 'message', '{\"update_id\":41}')",
					"insert into inbox (bot_id, update_id, kind, payload, outcome, finished_at)"
							+ " values (777, 40, 'message', '{\"update_id\":40}', 'done', now())")) {
				db.sql(insert).then().block(Duration.ofSeconds(10));
			}

			new Migrations(url, List.of(), 777).migrate();

			InboxRepository inbox = new InboxRepository(db);
			StepVerifier.create(inbox.unfinished(777, 10).map(StoredUpdate::updateId)).expectNext(41L).verifyComplete();
			StepVerifier.create(inbox.unfinished(888, 10).map(StoredUpdate::updateId)).expectNext(41L).verifyComplete();
			StepVerifier.create(inbox.backlog()).expectNext(2L).verifyComplete();
			StepVerifier.create(inbox.finish(777, List.of(new InboxFinish(41, "done", null)))).expectNext(1L)
				.verifyComplete();
			StepVerifier.create(inbox.backlog()).expectNext(1L).verifyComplete();
		}
		finally {
			pool.dispose();
		}
	}

	@Test
	void noIndexOfTheInboxButTheSummarizingOneReadsWhatAFinishWrites() {
		DatabaseUrl url = TestDatabase.fresh();
		new Migrations(url, List.of(), 777).migrate();
		ConnectionPool pool = TestDatabase.pool(url);
		try {
			Map<String, String> indexes = TestDatabase.client(pool)
				.sql("select indexname, indexdef from pg_indexes where tablename in ('inbox', 'inbox_pending')")
				.map(row -> Map.entry(row.get(0, String.class), row.get(1, String.class)))
				.all()
				.collectMap(Map.Entry::getKey, Map.Entry::getValue)
				.block(Duration.ofSeconds(10));
			assertThat(indexes).containsOnlyKeys("inbox_pkey", "inbox_finished_at", "inbox_pending_pkey");
			assertThat(indexes.get("inbox_pkey")).endsWith("(bot_id, update_id)");
			assertThat(indexes.get("inbox_finished_at")).contains("USING brin (finished_at)");
			assertThat(indexes.get("inbox_pending_pkey")).endsWith("(bot_id, update_id)");
		}
		finally {
			pool.dispose();
		}
	}
}
