package io.analytips.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/** The {@code users} table: who has talked to the bot, when, in which language, and whether they blocked it. */
public class UserRepository {

	private static final String UPSERT = """
			insert into users (user_id, first_seen, last_seen, language, username, blocked)
			select u.id, now(), now(), u.language, u.username, false
			from unnest($1::bigint[], $2::text[], $3::text[]) as u(id, language, username)
			on conflict (user_id) do update
			set last_seen = now(),
			    language = coalesce(excluded.language, users.language),
			    username = excluded.username,
			    blocked = false""";

	private final DatabaseClient db;

	public UserRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Records that these users were seen now (the latest entry of a user wins). Someone who writes
	 * to the bot has evidently unblocked it. Emits the number of distinct users written.
	 */
	public Mono<Integer> seen(List<UserSeen> users) {
		// One statement cannot upsert the same row twice, so keep only the latest entry per user.
		Map<Long, UserSeen> latest = new LinkedHashMap<>();
		users.forEach(user -> latest.put(user.userId(), user));
		if (latest.isEmpty()) {
			return Mono.just(0);
		}
		List<UserSeen> distinct = new ArrayList<>(latest.values());
		return Columns.bind(db.sql(UPSERT), distinct, Columns.longs(UserSeen::userId), Columns.texts(UserSeen::language),
				Columns.texts(UserSeen::username))
			.fetch()
			.rowsUpdated()
			.thenReturn(distinct.size());
	}

	/** Marks a user as having blocked the bot (Telegram answered 403, or the bot was kicked). */
	public Mono<Void> markBlocked(long userId) {
		return db.sql("update users set blocked = true where user_id = $1").bind(0, userId).fetch().rowsUpdated().then();
	}

	/** Whether the user is known to have blocked the bot. */
	public Mono<Boolean> isBlocked(long userId) {
		return db.sql("select blocked from users where user_id = $1")
			.bind(0, userId)
			.map(row -> row.get("blocked", Boolean.class))
			.one()
			.defaultIfEmpty(false);
	}
}
