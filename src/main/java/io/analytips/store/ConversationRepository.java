package io.analytips.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code conversation_state} table: one pending step per user of a bot (Telegram's id of the bot, each method's
 * first argument), surviving restarts. Every call has
 * a deadline ({@code analytips.database.call-timeout}): a handler waits for it while it holds its chat's lane.
 */
public class ConversationRepository {

	private final DatabaseClient db;

	private final Deadline deadline;

	public ConversationRepository(DatabaseClient db, Duration callTimeout) {
		this.db = db;
		this.deadline = new Deadline(callTimeout);
	}

	/** Stores the user's state with {@code bot}, replacing the one they had there. */
	public Mono<Void> save(long bot, ConversationState state) {
		var spec = db.sql("""
				insert into conversation_state (bot_id, user_id, state, data, expires_at) values ($1, $2, $3, $4, $5)
				on conflict (bot_id, user_id) do update set state = excluded.state, data = excluded.data,
				expires_at = excluded.expires_at""")
			.bind(0, bot)
			.bind(1, state.userId())
			.bind(2, state.state());
		spec = state.data() == null ? spec.bindNull(3, String.class) : spec.bind(3, state.data());
		return deadline.on(spec.bind(4, state.expiresAt().atOffset(ZoneOffset.UTC)).fetch().rowsUpdated().then());
	}

	/** The user's state with {@code bot} if it has not expired at {@code now}; empty otherwise. */
	public Mono<ConversationState> find(long bot, long userId, Instant now) {
		return deadline.on(db.sql("""
				select user_id, state, data, expires_at from conversation_state
				where bot_id = $1 and user_id = $2 and expires_at > $3""")
			.bind(0, bot)
			.bind(1, userId)
			.bind(2, now.atOffset(ZoneOffset.UTC))
			.map(row -> new ConversationState(row.get("user_id", Long.class), row.get("state", String.class),
					row.get("data", String.class), row.get("expires_at", OffsetDateTime.class).toInstant()))
			.one());
	}

	/** Forgets the user's state with {@code bot} (completes whether or not they had one). */
	public Mono<Void> clear(long bot, long userId) {
		return deadline.on(db.sql("delete from conversation_state where bot_id = $1 and user_id = $2")
			.bind(0, bot)
			.bind(1, userId)
			.fetch()
			.rowsUpdated()
			.then());
	}
}
