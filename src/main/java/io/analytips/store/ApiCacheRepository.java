package io.analytips.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code api_cache} table: the cache's durable tier. Every call has a deadline
 * ({@code analytips.database.call-timeout}): the cache holds a request key while it reads or writes here.
 */
public class ApiCacheRepository {

	private static final String PURGE = """
			delete from api_cache where cache_key in
			(select cache_key from api_cache where expires_at < $1 limit $2)""";

	private final DatabaseClient db;

	private final Deadline deadline;

	public ApiCacheRepository(DatabaseClient db, Duration callTimeout) {
		this.db = db;
		this.deadline = new Deadline(callTimeout);
	}

	/** The stored answer for a key, fresh or stale; empty if none. */
	public Mono<CachedAnswer> find(String key) {
		return deadline.on(db.sql("select cache_key, body, fetched_at, expires_at from api_cache where cache_key = $1")
			.bind(0, key)
			.map(row -> new CachedAnswer(row.get("cache_key", String.class), row.get("body", String.class),
					row.get("fetched_at", OffsetDateTime.class).toInstant(),
					row.get("expires_at", OffsetDateTime.class).toInstant()))
			.one());
	}

	/** Stores (or replaces) an answer. */
	public Mono<Void> save(CachedAnswer answer) {
		return deadline.on(db.sql("""
				insert into api_cache (cache_key, body, fetched_at, expires_at) values ($1, $2, $3, $4)
				on conflict (cache_key) do update
				set body = excluded.body, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at""")
			.bind(0, answer.key())
			.bind(1, answer.body())
			.bind(2, utc(answer.fetchedAt()))
			.bind(3, utc(answer.expiresAt()))
			.fetch()
			.rowsUpdated()
			.then());
	}

	/** Deletes every stored answer; emits how many. */
	public Mono<Long> clear() {
		return deadline.on(db.sql("delete from api_cache").fetch().rowsUpdated());
	}

	/**
	 * Deletes answers that went stale before {@code instant}, {@code batch} rows a statement (so each
	 * stays well within the statement timeout however many there are); emits how many in all.
	 */
	public Mono<Long> purgeExpiredBefore(Instant instant, int batch) {
		return Batches.deleteAll(() -> deadline.on(db.sql(PURGE).bind(0, utc(instant)).bind(1, batch).fetch().rowsUpdated()),
				batch);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
