package io.analytips.store;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code picture_files} table: the Telegram {@code file_id} of each analysis picture a bot uploaded, by the
 * picture's key (its fixture and content). Every call has a deadline ({@code analytips.database.call-timeout}) and
 * errors with a {@link org.springframework.dao.DataAccessException} on failure.
 */
public class PictureFileRepository {

	private final DatabaseClient db;

	private final Deadline deadline;

	public PictureFileRepository(DatabaseClient db, Duration callTimeout) {
		this.db = db;
		this.deadline = new Deadline(callTimeout);
	}

	/** The file_id {@code bot} got for the picture {@code key}; empty when it never uploaded it. */
	public Mono<String> find(long bot, String key) {
		return deadline.on(db.sql("select file_id from picture_files where bot_id = $1 and picture_key = $2")
			.bind(0, bot)
			.bind(1, key)
			.map(row -> row.get("file_id", String.class))
			.one());
	}

	/** Keeps the file_id of the picture {@code key}, replacing one kept before; completes once written. */
	public Mono<Void> save(long bot, String key, String fileId) {
		return deadline.on(db.sql("""
				insert into picture_files (bot_id, picture_key, file_id, updated_at) values ($1, $2, $3, now())
				on conflict (bot_id, picture_key) do update set file_id = excluded.file_id, updated_at = excluded.updated_at""")
			.bind(0, bot)
			.bind(1, key)
			.bind(2, fileId)
			.fetch()
			.rowsUpdated()
			.then());
	}

	/** Forgets {@code fileId} for the picture {@code key} (Telegram refused it); a newer one kept meanwhile stays. */
	public Mono<Void> forget(long bot, String key, String fileId) {
		return deadline.on(db.sql("delete from picture_files where bot_id = $1 and picture_key = $2 and file_id = $3")
			.bind(0, bot)
			.bind(1, key)
			.bind(2, fileId)
			.fetch()
			.rowsUpdated()
			.then());
	}

	/** Deletes the file_ids kept before {@code instant}, {@code batch} rows a statement; emits how many. */
	public Mono<Long> purgeOlderThan(Instant instant, int batch) {
		return Batches.deleteAll(() -> deadline.on(db.sql("""
				delete from picture_files where ctid in (select ctid from picture_files where updated_at < $1 limit $2)""")
			.bind(0, instant.atOffset(ZoneOffset.UTC))
			.bind(1, batch)
			.fetch()
			.rowsUpdated()), batch);
	}
}
