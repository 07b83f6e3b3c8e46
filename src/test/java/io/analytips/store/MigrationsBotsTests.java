package io.analytips.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code V9__bots.sql} over a database that served a single bot: every row of its state becomes the first bot's,
 * and a later change of the first token does not fail Flyway's validation.
 */
class MigrationsBotsTests {

	private static final List<String> TABLES = List.of("inbox", "users", "conversation_state", "user_settings",
			"analyses");

	/** One row of each table as version 8 had them, before rows named their bot. */
	private static final List<String> V8_ROWS = List.of(
			"insert into inbox (update_id, kind, chat_id, user_id, payload) values (41, 'message', 5, 5, '{}')",
			"insert into inbox (update_id, kind, chat_id, user_id, payload, outcome, finished_at)"
					+ " values (40, 'message', 5, 5, '{}', 'done', now())",
			"insert into users (user_id, first_seen, last_seen, language, username) values (5, now(), now(), 'en', 'ana')",
			"insert into conversation_state (user_id, state, data, expires_at)"
					+ " values (5, 'awaiting-team', null, '2027-03-14T12:11:00Z')",
			"insert into user_settings (user_id, language, time_zone) values (5, 'en', 'Europe/London')",
			"insert into analyses (user_id, fixture_id, kind, home, away, payload, created_at)"
					+ " values (5, 3900101, 'full', 'Arsenal', 'Chelsea', '{}', '2027-03-14T12:02:00Z')");

	@Test
	void aSingleBotDatabaseKeepsEveryRowNowTheFirstBots() {
		DatabaseUrl url = TestDatabase.fresh();
		new Migrations(url, List.of(), 777).migrate("8");
		run(url, db -> V8_ROWS.forEach(insert -> db.sql(insert).then().block(Duration.ofSeconds(10))));

		new Migrations(url, List.of(), 777).migrate();

		run(url, db -> {
			for (String table : TABLES) {
				Map<Long, Long> rowsPerBot = db.sql("select bot_id, count(*) from " + table + " group by bot_id")
					.map(row -> Map.entry(row.get(0, Long.class), row.get(1, Long.class)))
					.all()
					.collectMap(Map.Entry::getKey, Map.Entry::getValue)
					.block(Duration.ofSeconds(10));
				assertThat(rowsPerBot).as(table).containsExactly(Map.entry(777L, table.equals("inbox") ? 2L : 1L));
			}
			assertThat(db.sql("select language from users where bot_id = 777 and user_id = 5")
				.map(row -> row.get(0, String.class))
				.one()
				.block(Duration.ofSeconds(10))).isEqualTo("en");
		});
	}

	@Test
	void theKeysAndIndexesNameTheBot() {
		DatabaseUrl url = TestDatabase.fresh();
		new Migrations(url, List.of(), 777).migrate();
		run(url, db -> {
			Map<String, String> indexes = db.sql("""
					select indexname, indexdef from pg_indexes
					where tablename in ('inbox', 'users', 'conversation_state', 'user_settings', 'analyses', 'bots')""")
				.map(row -> Map.entry(row.get(0, String.class), row.get(1, String.class)))
				.all()
				.collectMap(Map.Entry::getKey, Map.Entry::getValue)
				.block(Duration.ofSeconds(10));
			assertThat(indexes.get("inbox_pkey")).endsWith("(bot_id, update_id)");
			assertThat(indexes.get("users_pkey")).endsWith("(bot_id, user_id)");
			assertThat(indexes.get("conversation_state_pkey")).endsWith("(bot_id, user_id)");
			assertThat(indexes.get("user_settings_pkey")).endsWith("(bot_id, user_id)");
			assertThat(indexes.get("inbox_unfinished")).endsWith("(bot_id, update_id) WHERE (outcome IS NULL)");
			assertThat(indexes.get("inbox_finished_at")).contains("(finished_at)");
			assertThat(indexes.get("analyses_by_user")).endsWith("(bot_id, user_id, created_at DESC)");
			assertThat(indexes).containsKeys("bots_pkey", "bots_username_key");
		});
	}

	@Test
	void aNewRowMustNameItsBot() {
		DatabaseUrl url = TestDatabase.fresh();
		new Migrations(url, List.of(), 777).migrate();
		run(url, db -> {
			for (String insert : V8_ROWS) {
				assertThatThrownBy(() -> db.sql(insert).then().block(Duration.ofSeconds(10))).as(insert)
					.hasMessageContaining("bot_id");
			}
		});
	}

	@Test
	void anotherFirstTokenLaterStillValidatesTheAppliedMigrations() {
		DatabaseUrl url = TestDatabase.fresh();
		new Migrations(url, List.of(), 111).migrate();
		run(url, db -> db.sql(V8_ROWS.get(2).replace("(user_id,", "(bot_id, user_id,").replace("values (5,", "values (111, 5,"))
			.then()
			.block(Duration.ofSeconds(10)));

		new Migrations(url, List.of(), 222).migrate(); // Flyway validates the checksums of what was applied first

		run(url, db -> assertThat(db.sql("select bot_id from users").map(row -> row.get(0, Long.class)).all().collectList()
			.block(Duration.ofSeconds(10))).containsExactly(111L));
	}

	@Test
	void refusesANegativeFirstBot() {
		DatabaseUrl url = new DatabaseUrl("localhost", 5432, "unused", "postgres", null, null);
		assertThatThrownBy(() -> new Migrations(url, List.of(), -1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("-1");
	}

	private static void run(DatabaseUrl url, java.util.function.Consumer<DatabaseClient> work) {
		ConnectionPool pool = TestDatabase.pool(url);
		try {
			work.accept(TestDatabase.client(pool));
		}
		finally {
			pool.dispose();
		}
	}
}
