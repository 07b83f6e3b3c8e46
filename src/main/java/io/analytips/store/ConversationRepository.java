package io.analytips.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code conversation_state} table: one pending step per user, surviving restarts. Every call has
 * a deadline ({@code analytips.database.call-timeout}): a handler waits for it while it holds its chat's lane.
 */
public class ConversationRepository {

	private final DatabaseClient db;

	private final Deadline deadline;

	public ConversationRepository(DatabaseClient db, Duration callTimeout) {
		this.db = db;
		this.deadline = new Deadline(callTimeout);
	}

	/** Stores the user's state, replacing the one they had. */
	public Mono<Void> save(ConversationState state) {
		var spec = db.sql("""
				insert into conversation_state (user_id, state, data, expires_at) values ($1, $2, $3, $4)
				on conflict (user_id) do update set state = excluded.state, data = excluded.data,
				expires_at = excluded.expires_at""")
			.bind(0, state.userId())
			.bind(1, state.state());
		spec = state.data() == null ? spec.bindNull(2, String.class) : spec.bind(2, state.data());
		return deadline.on(spec.bind(3, state.expiresAt().atOffset(ZoneOffset.UTC)).fetch().rowsUpdated().then());
	}

	/** The user's state if it has not expired at {@code now}; empty otherwise. */
	public Mono<ConversationState> find(long userId, Instant now) {
		return deadline.on(db.sql("select user_id, state, data, expires_at from conversation_state where user_id = $1 and expires_at > $2")
			.bind(0, userId)
			.bind(1, now.atOffset(ZoneOffset.UTC))
			.map(row -> new ConversationState(row.get("user_id", Long.class), row.get("state", String.class),
					row.get("data", String.class), row.get("expires_at", OffsetDateTime.class).toInstant()))
			.one());
	}

	/** Forgets the user's state (completes whether or not they had one). */
	public Mono<Void> clear(long userId) {
		return deadline.on(db.sql("delete from conversation_state where user_id = $1").bind(0, userId).fetch().rowsUpdated().then());
	}
}
