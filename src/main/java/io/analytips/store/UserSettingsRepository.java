package io.analytips.store;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code user_settings} table: each user's chosen language and time zone, per bot (Telegram's id of the bot, each
 * method's first argument: what a user chose with one bot is not another's). Every call has a deadline
 * ({@code analytips.database.call-timeout}): a handler waits for it while it holds its chat's lane.
 */
public class UserSettingsRepository {

	private final DatabaseClient db;

	private final Deadline deadline;

	public UserSettingsRepository(DatabaseClient db, Duration callTimeout) {
		this.db = db;
		this.deadline = new Deadline(callTimeout);
	}

	/** The user's settings with {@code bot}; empty when they never chose anything there. */
	public Mono<UserSettings> find(long bot, long userId) {
		return deadline.on(db.sql("select user_id, language, time_zone from user_settings where bot_id = $1 and user_id = $2")
			.bind(0, bot)
			.bind(1, userId)
			.map(row -> new UserSettings(row.get("user_id", Long.class), row.get("language", String.class),
					row.get("time_zone", String.class)))
			.one());
	}

	/** Stores the user's settings with {@code bot}, replacing what they had there; completes once written. */
	public Mono<Void> save(long bot, UserSettings settings) {
		var spec = db.sql("""
				insert into user_settings (bot_id, user_id, language, time_zone, updated_at) values ($1, $2, $3, $4, now())
				on conflict (bot_id, user_id) do update set language = excluded.language, time_zone = excluded.time_zone,
				updated_at = excluded.updated_at""")
			.bind(0, bot)
			.bind(1, settings.userId());
		spec = settings.language() == null ? spec.bindNull(2, String.class) : spec.bind(2, settings.language());
		spec = settings.timeZone() == null ? spec.bindNull(3, String.class) : spec.bind(3, settings.timeZone());
		return deadline.on(spec.fetch().rowsUpdated().then());
	}
}
