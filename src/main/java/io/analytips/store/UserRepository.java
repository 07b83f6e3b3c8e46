package io.analytips.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code users} table: who has talked to each bot, when, in which language, and whether they blocked it. A user
 * is a row per bot (Telegram's id of the bot first): blocking one bot says nothing of another.
 */
public class UserRepository {

	private static final String UPSERT = """
			insert into users (bot_id, user_id, first_seen, last_seen, language, username, blocked)
			select u.bot, u.id, now(), now(), u.language, u.username, false
			from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) as u(bot, id, language, username)
			on conflict (bot_id, user_id) do update
			set last_seen = now(),
			    language = coalesce(excluded.language, users.language),
			    username = excluded.username,
			    blocked = false""";

	private final DatabaseClient db;

	public UserRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Records that these users were seen now by their bots (the latest entry of a user of a bot wins). Someone who
	 * writes to a bot has evidently unblocked it. Emits the number of distinct users (of a bot) written.
	 */
	public Mono<Integer> seen(List<UserSeen> users) {
		// One statement cannot upsert the same row twice, so keep only the latest entry per user of a bot.
		Map<List<Long>, UserSeen> latest = new LinkedHashMap<>();
		users.forEach(user -> latest.put(List.of(user.bot(), user.userId()), user));
		if (latest.isEmpty()) {
			return Mono.just(0);
		}
		List<UserSeen> distinct = new ArrayList<>(latest.values());
		return Columns.bind(db.sql(UPSERT), distinct, Columns.longs(UserSeen::bot), Columns.longs(UserSeen::userId), Columns.texts(UserSeen::language),
				Columns.texts(UserSeen::username))
			.fetch()
			.rowsUpdated()
			.thenReturn(distinct.size());
	}

	/**
	 * Marks a user as having blocked {@code bot} (Telegram answered 403, or the bot was kicked); completes whether or
	 * not the user was known.
	 */
	public Mono<Void> markBlocked(long bot, long userId) {
		return db.sql("update users set blocked = true where bot_id = $1 and user_id = $2")
			.bind(0, bot)
			.bind(1, userId)
			.fetch()
			.rowsUpdated()
			.then();
	}

	/** Whether the user is known to have blocked {@code bot}; false for a user it never saw. */
	public Mono<Boolean> isBlocked(long bot, long userId) {
		return db.sql("select blocked from users where bot_id = $1 and user_id = $2")
			.bind(0, bot)
			.bind(1, userId)
			.map(row -> row.get("blocked", Boolean.class))
			.one()
			.defaultIfEmpty(false);
	}
}
