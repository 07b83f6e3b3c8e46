package io.analytips.store;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.analytips.common.Permits;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The tamper-evident audit trail ({@code audit_log}): every admin action, allowed or refused, from
 * Telegram or the admin API, appended as a row chained by hash to the one before (see
 * {@link AuditEntry}). Appends are serialised in this process, and across replicas by a transaction-scoped
 * advisory lock ({@link #LOCK}) taken before the tip is read: without it, a replica that lost the race on the
 * primary key would retry on the new tip, and under steady appends from another replica could lose five times.
 * The primary key stays the last guard (a version without the lock during a rolling deploy), so the chain never
 * forks.
 * An append holds the one permit for at most {@code callTimeout}, retries included, so a hung
 * statement fails that append and never the ones after it.
 */
public class AuditLog {

	private static final String COLUMNS = "id, at, channel, actor, action, target, result, prev_hash, hash";

	private final DatabaseClient db;

	private final Clock clock;

	private final Permits writer = new Permits(1);

	private final Deadline deadline;

	/** The advisory lock's key, "audit" chained: no other advisory lock of ours uses it. */
	static final long LOCK = 0x6175646974L;

	private final TransactionalOperator transactions;

	/**
	 * @param callTimeout the longest an append may hold the permit ({@code analytips.database.call-timeout})
	 */
	public AuditLog(DatabaseClient db, Clock clock, Duration callTimeout) {
		this.db = db;
		this.clock = clock;
		this.deadline = new Deadline(callTimeout);
		this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(db.getConnectionFactory()));
	}

	/**
	 * Appends the event; emits the stored entry, or errors when the database cannot be written: a
	 * {@link org.springframework.dao.QueryTimeoutException} when it has not answered within the
	 * deadline (a statement the server cancelled wrote nothing; one the client gave up on may still
	 * commit, whole, and the next append chains to it), a {@link java.util.concurrent.TimeoutException}
	 * when earlier appends held the permit for 30 s.
	 */
	public Mono<AuditEntry> append(AuditEvent event) {
		return writer.run(() -> deadline.on(Mono.defer(() -> appendOnce(event))
			.as(transactions::transactional)
			.retryWhen(Retry.max(5).filter(DataIntegrityViolationException.class::isInstance))), Duration.ofSeconds(30));
	}

	private Mono<AuditEntry> appendOnce(AuditEvent event) {
		return db.sql("select pg_advisory_xact_lock(" + LOCK + ")").fetch().rowsUpdated().then(last()).map(previous -> AuditEntry.next(previous, clock.instant(), event))
			.switchIfEmpty(Mono.fromSupplier(() -> AuditEntry.next(null, clock.instant(), event)))
			.flatMap(entry -> {
				DatabaseClient.GenericExecuteSpec insert = db.sql("insert into audit_log (" + COLUMNS
						+ ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
					.bind(0, entry.id())
					.bind(1, entry.at().atOffset(ZoneOffset.UTC))
					.bind(2, event.channel())
					.bind(3, event.actor())
					.bind(4, event.action())
					.bind(6, event.result())
					.bind(7, entry.prevHash())
					.bind(8, entry.hash());
				insert = event.target() == null ? insert.bindNull(5, String.class) : insert.bind(5, event.target());
				return insert.fetch().rowsUpdated().thenReturn(entry);
			});
	}

	/** The newest entry; empty when the trail is empty. */
	public Mono<AuditEntry> last() {
		return db.sql("select " + COLUMNS + " from audit_log order by id desc limit 1").map(AuditLog::entry).one();
	}

	/** Every entry, oldest first, streamed (the trail may be long). */
	public Flux<AuditEntry> entries() {
		return db.sql("select " + COLUMNS + " from audit_log order by id").map(AuditLog::entry).all();
	}

	public Mono<Long> count() {
		return db.sql("select count(*) from audit_log").map(row -> row.get(0, Long.class)).one();
	}

	private static AuditEntry entry(Readable row) {
		return new AuditEntry(row.get("id", Long.class), row.get("at", OffsetDateTime.class).toInstant(),
				new AuditEvent(row.get("channel", String.class), row.get("actor", String.class),
						row.get("action", String.class), row.get("target", String.class), row.get("result", String.class)),
				row.get("prev_hash", String.class), row.get("hash", String.class));
	}
}
