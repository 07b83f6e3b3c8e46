package io.analytips.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.store.DatabaseUrl;
import io.r2dbc.pool.ConnectionPool;

/** What the process tests that kill the packaged jar under load share: its environment and their inbox counts. */
public final class BotUnderLoad {

	private BotUnderLoad() {
	}

	/**
	 * The environment of a jar on {@code database}, polling {@code telegram}, with the simulator as API-Football and
	 * the global rate raised. The whole load arrives at once, so the buffer holds it all: nothing is refused as
	 * overload on a slow, shared machine and every update must be answered (overload is tested on its own).
	 */
	public static Map<String, String> environment(FakeBotApi telegram, DatabaseUrl database, SimulatorServer football) {
		Map<String, String> environment = new HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
				"TELEGRAM_API_URL", telegram.url(), "DATABASE_URL", TestDatabase.environmentUrl(database), "SERVER_PORT",
				"0", "LOG_FORMAT", "json", "API_FOOTBALL_URL", football.url(), "API_FOOTBALL_KEY", ApiFootballSimulator.KEY,
				"TELEGRAM_GLOBAL_RATE", "1000"));
		environment.put("BOT_QUEUE_CAPACITY", "5000");
		return environment;
	}

	/**
	 * The environment of a jar as users run it: its own embedded PostgreSQL (durable) in its working
	 * directory, polling {@code telegramUrl}, one JSON access line per update, the global rate raised out
	 * of the way (a fake has no limit), and the shipped buffer (long polling leaves what does not fit at Telegram).
	 */
	public static Map<String, String> asUsersRunIt(String telegramUrl, SimulatorServer football) {
		Map<String, String> environment = asUsersRunIt(telegramUrl, football, 1);
		environment.remove("BOT_QUEUE_CAPACITY");
		return environment;
	}

	/** As above, with a buffer of {@code queueCapacity} updates (a build that refuses what does not fit needs one). */
	public static Map<String, String> asUsersRunIt(String telegramUrl, SimulatorServer football, int queueCapacity) {
		Map<String, String> environment = new HashMap<>();
		environment.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
		environment.put("TELEGRAM_API_URL", telegramUrl);
		environment.put("API_FOOTBALL_URL", football.url());
		environment.put("API_FOOTBALL_KEY", ApiFootballSimulator.KEY);
		environment.put("SERVER_PORT", "0");
		environment.put("LOG_FORMAT", "json");
		environment.put("LOG_UPDATES", "true");
		environment.put("TELEGRAM_GLOBAL_RATE", "100000");
		environment.put("BOT_QUEUE_CAPACITY", String.valueOf(queueCapacity));
		return environment;
	}

	/** Whether the inbox holds exactly {@code updates} rows and every one has its outcome. */
	public static boolean allFinished(DatabaseUrl database, int updates) {
		return count(database, "select count(*) from inbox where outcome is null") == 0
				&& count(database, "select count(*) from inbox") == updates;
	}

	/**
	 * The inbox at the end of a run: its rows, those with an outcome, those answered ({@code done}), and the rows by
	 * outcome and detail as text.
	 */
	public record Inbox(long rows, long finished, long done, String outcomes) {

		/** Read from {@code database}. */
		public static Inbox of(DatabaseUrl database) {
			return new Inbox(count(database, "select count(*) from inbox"),
					count(database, "select count(*) from inbox where outcome is not null"),
					count(database, "select count(*) from inbox where outcome = 'done'"), BotUnderLoad.outcomes(database));
		}
	}

	/**
	 * The replies beyond the updates, chat by chat: each chat's replies past its {@code perChat} updates, summed (a
	 * chat answered twice once and another missing one reply count 1, not 0).
	 */
	public static long repliesBeyondTheUpdates(java.util.List<FakeBotApi.Call> replies, int perChat) {
		return replies.stream()
			.collect(java.util.stream.Collectors.groupingBy(FakeBotApi.Call::chatId, java.util.stream.Collectors.counting()))
			.values()
			.stream()
			.mapToLong(n -> Math.max(0, n - perChat))
			.sum();
	}

	/** The single number {@code sql} counts in {@code database}. */
	public static long count(DatabaseUrl database, String sql) {
		ConnectionPool pool = TestDatabase.pool(database);
		try {
			return TestDatabase.client(pool).sql(sql).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
		}
		finally {
			pool.dispose();
		}
	}

	/** The first column of every row {@code sql} selects in {@code database}, as text. */
	public static java.util.List<String> rows(DatabaseUrl database, String sql) {
		ConnectionPool pool = TestDatabase.pool(database);
		try {
			return TestDatabase.client(pool).sql(sql).map(row -> row.get(0, String.class)).all().collectList()
				.block(Duration.ofSeconds(10));
		}
		finally {
			pool.dispose();
		}
	}

	/** The inbox's rows by outcome and detail ({@code pending} for unfinished), for the printed summary. */
	public static String outcomes(DatabaseUrl database) {
		ConnectionPool pool = TestDatabase.pool(database);
		try {
			return String.valueOf(TestDatabase.client(pool)
				.sql("select coalesce(outcome, 'pending') || ' ' || coalesce(detail, '') as o, count(*) as n from inbox"
						+ " group by 1")
				.map(row -> row.get(0, String.class) + "=" + row.get(1, Long.class))
				.all()
				.collectList()
				.block(Duration.ofSeconds(10)));
		}
		finally {
			pool.dispose();
		}
	}
}
