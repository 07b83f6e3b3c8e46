package io.analytips.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code user_settings} table: each user's chosen language and time zone, per bot (Telegram's id of the bot, each
 * method's first argument: what a user chose with one bot is not another's). Every call has a deadline
 * ({@code analytips.database.call-timeout}): a handler waits for it while it holds its chat's lane.
 * <p>
 * Reads are gathered: the users asked for within {@value #READ_LINGER_MS} ms, or while the previous read runs, are
 * read with one statement (at most {@value #READ_BATCH}). A burst of new users is every handler asking at once, and
 * one statement per user cost PostgreSQL and the driver more than the rest of the update's database work together.
 */
public class UserSettingsRepository {

	/** The most users read with one statement. */
	static final int READ_BATCH = 500;

	/** How long the first read of a batch waits for others. */
	static final long READ_LINGER_MS = 2;

	private static final String FIND = """
			select s.bot_id, s.user_id, s.language, s.time_zone
			from unnest($1::bigint[], $2::bigint[]) as k(bot_id, user_id)
			join user_settings s on s.bot_id = k.bot_id and s.user_id = k.user_id""";

	private final DatabaseClient db;

	private final Deadline deadline;

	/** A user of a bot. */
	private record Chooser(long bot, long user) {
	}

	private final BatchWriter<Chooser, Optional<UserSettings>> reads;

	public UserSettingsRepository(DatabaseClient db, Duration callTimeout) {
		this.db = db;
		this.deadline = new Deadline(callTimeout);
		this.reads = BatchWriter.reads("user settings reads", READ_BATCH, Duration.ofMillis(READ_LINGER_MS), this::findAll);
	}

	/**
	 * The user's settings with {@code bot}; empty when they never chose anything there. Errors when they could not be
	 * read within the deadline, or when more reads wait than {@link BatchWriter#QUEUED_BATCHES} batches.
	 */
	public Mono<UserSettings> find(long bot, long userId) {
		return reads.submit(new Chooser(bot, userId)).flatMap(Mono::justOrEmpty);
	}

	private Mono<List<Optional<UserSettings>>> findAll(List<Chooser> choosers) {
		Mono<Map<Chooser, UserSettings>> found = Columns
			.bind(db.sql(FIND), choosers, Columns.longs(Chooser::bot), Columns.longs(Chooser::user))
			.map(row -> Map.entry(new Chooser(row.get("bot_id", Long.class), row.get("user_id", Long.class)),
					new UserSettings(row.get("user_id", Long.class), row.get("language", String.class),
							row.get("time_zone", String.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
		return deadline.on(found)
			.map(byChooser -> choosers.stream().map(chooser -> Optional.ofNullable(byChooser.get(chooser))).toList());
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

	/** Stops reading: reads not yet made fail. The deployment's handlers have stopped before its beans close. */
	public void close() {
		reads.dispose();
	}
}
