package io.analytips.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations at every start, and the callback scripts a configuration adds: the offline demo's
 * ({@code db/demo}) forgets what an earlier run derived from its own replayed day, and keeps the user's data.
 */
class MigrationsTests {

	private static final MigrationCallbacks DEMO = new MigrationCallbacks("classpath:db/demo");

	private static final List<String> TABLES = List.of("api_cache", "market_prices", "conversation_state", "analyses",
			"users", "inbox", "watched_fixtures", "alerts", "forecasts", "subscribers", "follows");

	@Test
	void theDemosStartForgetsWhatAnEarlierRunDerivedFromItsDayAndKeepsTheUsersData() {
		DatabaseUrl url = TestDatabase.fresh();
		new Migrations(url, List.of(DEMO)).migrate();
		fillEveryTable(url);

		new Migrations(url, List.of(DEMO)).migrate(); // the next run in the same folder

		assertThat(rows(url)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("api_cache", 0L),
				Map.entry("market_prices", 0L), Map.entry("conversation_state", 0L), Map.entry("watched_fixtures", 0L),
				Map.entry("alerts", 0L), Map.entry("forecasts", 0L), Map.entry("analyses", 1L), Map.entry("users", 1L),
				Map.entry("inbox", 1L), Map.entry("subscribers", 1L), Map.entry("follows", 1L)));
	}

	@Test
	void theBotsStartKeepsEveryRow() {
		DatabaseUrl url = TestDatabase.migrated();
		fillEveryTable(url);

		new Migrations(url).migrate();

		assertThat(rows(url)).allSatisfy((table, count) -> assertThat(count).as(table).isEqualTo(1L));
	}

	/** One row in each table, as a run of the demo leaves them. */
	private static void fillEveryTable(DatabaseUrl url) {
		ConnectionPool pool = TestDatabase.pool(url);
		try {
			DatabaseClient db = TestDatabase.client(pool);
			for (String insert : List.of(
					"insert into api_cache values ('/standings?league=39&season=2024', '{}', '2027-03-14T12:01:00Z', '2027-03-14T15:01:00Z')",
					"insert into market_prices (fixture_id, home, draw, away, bookmaker, observed_at, kickoff)"
							+ " values (3900101, 0.5, 0.3, 0.2, 'Pinnacle', '2027-03-14T12:01:00Z', '2027-03-14T15:00:00Z')",
					"insert into conversation_state (bot_id, user_id, state, data, expires_at)"
							+ " values (0, 1, 'awaiting-team', null, '2027-03-14T12:11:00Z')",
					"insert into analyses (bot_id, user_id, fixture_id, kind, home, away, payload, created_at)"
							+ " values (0, 1, 3900101, 'full', 'Arsenal', 'Chelsea', '{}', '2027-03-14T12:02:00Z')",
					"insert into users (bot_id, user_id, first_seen, last_seen, language, username, blocked)"
							+ " values (0, 1, now(), now(), 'pt-br', 'ana', false)",
					"insert into inbox (bot_id, update_id, kind, chat_id, user_id, payload, outcome, finished_at)"
							+ " values (0, 1, 'message', 1, 1, '{}', 'done', now())",
					"insert into subscribers (bot_id, chat_id, language, time_zone, updated_at)"
							+ " values (0, 1, 'pt-BR', 'America/Sao_Paulo', now())",
					"insert into follows (bot_id, chat_id, kind, target_id, name, created_at)"
							+ " values (0, 1, 'team', 39001, 'Arsenal', now())",
					"insert into watched_fixtures (fixture_id, league_id, season, home_id, away_id, home_name, away_name,"
							+ " kickoff, status, updated_at) values (3900101, 39, 2024, 39001, 39002, 'Arsenal', 'Chelsea',"
							+ " '2027-03-14T15:00:00Z', 'NS', now())",
					"insert into alerts (bot_id, chat_id, fixture_id, kind, due_at, created_at)"
							+ " values (0, 1, 3900101, 'before', '2027-03-14T14:00:00Z', now())",
					"insert into forecasts (fixture_id, league_id, kickoff, made_at, home, draw, away)"
							+ " values (3900101, 39, '2027-03-14T15:00:00Z', '2027-03-14T14:00:00Z', 0.5, 0.3, 0.2)")) {
				db.sql(insert).then().block(Duration.ofSeconds(10));
			}
		}
		finally {
			pool.dispose();
		}
	}

	private static Map<String, Long> rows(DatabaseUrl url) {
		ConnectionPool pool = TestDatabase.pool(url);
		try {
			DatabaseClient db = TestDatabase.client(pool);
			Map<String, Long> counts = new java.util.LinkedHashMap<>();
			for (String table : TABLES) {
				counts.put(table, db.sql("select count(*) from " + table).map(row -> row.get(0, Long.class)).one()
					.block(Duration.ofSeconds(10)));
			}
			return counts;
		}
		finally {
			pool.dispose();
		}
	}
}
