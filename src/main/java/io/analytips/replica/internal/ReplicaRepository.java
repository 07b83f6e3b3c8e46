package io.analytips.replica.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.analytips.replica.Replica;
import io.analytips.store.Deadline;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code replicas} table: one heartbeat row per running replica. Times of life are the database's
 * ({@code now()}), the one clock every replica shares. Every call has a deadline
 * ({@code analytips.database.call-timeout}): the heartbeat runs every second and must not hang on a
 * silent network.
 */
public class ReplicaRepository {

	/*
	 * One statement: the rows of replicas silent for longer than forgetAfter go (never this id's, which the
	 * insert is about to refresh), then this replica's row is written unless another live incarnation holds
	 * the id (a second process given the same REPLICA_ID): its row is left alone and no row is counted.
	 */
	private static final String BEAT = """
			with forgotten as (
			    delete from replicas where id <> $1 and seen_at < now() - make_interval(secs => $7)
			)
			insert into replicas (id, incarnation, started_at, seen_at, version, leads_polling)
			values ($1, $2, $3, now(), $4, $5)
			on conflict (id) do update
			set incarnation = excluded.incarnation, started_at = excluded.started_at, seen_at = excluded.seen_at,
			    version = excluded.version, leads_polling = excluded.leads_polling
			where replicas.incarnation = excluded.incarnation
			   or replicas.seen_at < now() - make_interval(secs => $6)""";

	private final DatabaseClient db;

	private final Deadline deadline;

	public ReplicaRepository(DatabaseClient db, Duration callTimeout) {
		this.db = db;
		this.deadline = new Deadline(callTimeout);
	}

	/**
	 * Writes this replica's heartbeat (seen now, by the database's clock) and deletes the rows of replicas
	 * not seen for {@code forgetAfter}. Emits true when the row is this incarnation's, false when another
	 * incarnation seen within {@code takeOverAfter} holds the id (nothing of it is changed then).
	 *
	 * @param takeOverAfter how long another incarnation's row must have been silent before this one replaces it
	 * @param forgetAfter how long another replica's row must have been silent before it is deleted
	 */
	public Mono<Boolean> beat(ReplicaBeat beat, Duration takeOverAfter, Duration forgetAfter) {
		Objects.requireNonNull(beat, "beat");
		var spec = db.sql(BEAT)
			.bind(0, beat.id())
			.bind(1, beat.incarnation())
			.bind(2, beat.startedAt().atOffset(ZoneOffset.UTC));
		spec = beat.version() == null ? spec.bindNull(3, String.class) : spec.bind(3, beat.version());
		return deadline.on(spec.bind(4, beat.leadsPolling())
			.bind(5, seconds(takeOverAfter))
			.bind(6, seconds(forgetAfter))
			.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0));
	}

	/** The replicas seen within {@code within} (by the database's clock), the longest running first; empty list if none. */
	public Mono<List<Replica>> seenWithin(Duration within) {
		return deadline.on(db.sql("""
				select id, started_at, seen_at, version, leads_polling from replicas
				where seen_at >= now() - make_interval(secs => $1)
				order by started_at, id""")
			.bind(0, seconds(within))
			.map(row -> new Replica(row.get("id", String.class), row.get("started_at", OffsetDateTime.class).toInstant(),
					row.get("seen_at", OffsetDateTime.class).toInstant(), row.get("version", String.class),
					Boolean.TRUE.equals(row.get("leads_polling", Boolean.class))))
			.all()
			.collectList());
	}

	/** Deletes this incarnation's row (another process's row under the same id stays); emits whether there was one. */
	public Mono<Boolean> remove(String id, UUID incarnation) {
		return deadline.on(db.sql("delete from replicas where id = $1 and incarnation = $2")
			.bind(0, id)
			.bind(1, incarnation)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0));
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}
}
