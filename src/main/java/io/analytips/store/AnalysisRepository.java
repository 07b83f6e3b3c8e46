package io.analytips.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code analyses} table: each user's history with each bot (Telegram's id of the bot, the first argument of what
 * reads or writes one user's rows). The purges go over every bot's rows, a user's excess counted per bot. Every call has a deadline
 * ({@code analytips.database.call-timeout}): a handler waits for it while it holds its chat's lane.
 * Times come from the application's clock, so the history and its retention agree with the bot's
 * "today" (the demo's {@code DEMO_DATE} included). The history is listed, and trimmed, in the order the
 * user asked (newest first): the order of the ids, which the clock's times follow while the clock only moves
 * forward, and which stays right when it does not (the demo run on an earlier {@code DEMO_DATE} than the run
 * before, a clock stepped back).
 */
public class AnalysisRepository {

	private static final String PURGE_OLD = """
			delete from analyses where id in
			(select id from analyses where created_at < $1 limit $2)""";

	/**
	 * Beyond the newest {@code $1} of their user with their bot, in {@link #recent}'s order; only users with more are
	 * ranked.
	 */
	private static final String PURGE_EXCESS = """
			delete from analyses where id in (
			  select id from (
			    select id, row_number() over (partition by bot_id, user_id order by id desc) as n
			    from analyses
			    where (bot_id, user_id) in
			      (select bot_id, user_id from analyses group by bot_id, user_id having count(*) > $1)
			  ) ranked
			  where n > $1 limit $2)""";

	private final DatabaseClient db;

	private final Clock clock;

	private final Deadline deadline;

	public AnalysisRepository(DatabaseClient db, Clock clock, Duration callTimeout) {
		this.db = db;
		this.clock = clock;
		this.deadline = new Deadline(callTimeout);
	}

	/** Stores an analysis made with {@code bot}, at its {@code createdAt} or, when null, now; emits its id. */
	public Mono<Long> save(long bot, StoredAnalysis analysis) {
		return Mono.defer(() -> {
			Instant createdAt = analysis.createdAt() != null ? analysis.createdAt() : clock.instant();
			var spec = db.sql("""
					insert into analyses (user_id, fixture_id, kind, home, away, kickoff, data_age_s, payload, created_at, html,
					bot_id) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id""")
				.bind(10, bot)
				.bind(0, analysis.userId())
				.bind(1, analysis.fixtureId())
				.bind(2, analysis.kind())
				.bind(3, analysis.home())
				.bind(4, analysis.away());
			spec = analysis.kickoff() == null ? spec.bindNull(5, OffsetDateTime.class)
					: spec.bind(5, utc(analysis.kickoff()));
			spec = spec.bind(6, analysis.dataAgeSeconds()).bind(7, analysis.payload()).bind(8, utc(createdAt));
			spec = analysis.html() == null ? spec.bindNull(9, String.class) : spec.bind(9, analysis.html());
			return deadline.on(spec.map(row -> row.get(0, Long.class)).one());
		});
	}

	/** A user's latest analyses with {@code bot}, the last asked first. */
	public Flux<StoredAnalysis> recent(long bot, long userId, int limit) {
		return deadline.on(db.sql("select " + COLUMNS
				+ " from analyses where bot_id = $1 and user_id = $2 order by id desc limit $3")
			.bind(0, bot)
			.bind(1, userId)
			.bind(2, limit)
			.map(AnalysisRepository::read)
			.all());
	}

	/** One of the user's analyses with {@code bot}; empty when it is not theirs there or no longer kept. */
	public Mono<StoredAnalysis> find(long bot, long userId, long id) {
		return deadline.on(db.sql("select " + COLUMNS + " from analyses where id = $1 and bot_id = $2 and user_id = $3")
			.bind(0, id)
			.bind(1, bot)
			.bind(2, userId)
			.map(AnalysisRepository::read)
			.one());
	}

	private static final String COLUMNS = "id, user_id, fixture_id, kind, home, away, kickoff, created_at, data_age_s,"
			+ " payload, html";

	private static StoredAnalysis read(io.r2dbc.spi.Readable row) {
		OffsetDateTime kickoff = row.get("kickoff", OffsetDateTime.class);
		return new StoredAnalysis(row.get("id", Long.class), row.get("user_id", Long.class),
				row.get("fixture_id", Long.class), row.get("kind", String.class), row.get("home", String.class),
				row.get("away", String.class), kickoff == null ? null : kickoff.toInstant(),
				row.get("created_at", OffsetDateTime.class).toInstant(), row.get("data_age_s", Long.class),
				row.get("payload", String.class), row.get("html", String.class));
	}

	/** Deletes analyses made before {@code instant}, {@code batch} rows a statement; emits how many in all. */
	public Mono<Long> purgeOlderThan(Instant instant, int batch) {
		return Batches.deleteAll(
				() -> deadline.on(db.sql(PURGE_OLD).bind(0, utc(instant)).bind(1, batch).fetch().rowsUpdated()), batch);
	}

	/**
	 * Deletes each user's analyses with each bot beyond their newest {@code keep} (the order {@link #recent} shows),
	 * {@code batch} rows a statement; emits how many in all.
	 */
	public Mono<Long> purgeBeyondPerUser(int keep, int batch) {
		return Batches.deleteAll(
				() -> deadline.on(db.sql(PURGE_EXCESS).bind(0, keep).bind(1, batch).fetch().rowsUpdated()), batch);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
