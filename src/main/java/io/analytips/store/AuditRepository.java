package io.analytips.store;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/** The append-only {@code admin_audit} table: every admin action, who did it and when. */
public class AuditRepository {

	private final DatabaseClient db;

	public AuditRepository(DatabaseClient db) {
		this.db = db;
	}

	public Mono<Void> record(long userId, String action, String detail) {
		var spec = db.sql("insert into admin_audit (user_id, action, detail) values ($1, $2, $3)")
			.bind(0, userId)
			.bind(1, action);
		return (detail == null ? spec.bindNull(2, String.class) : spec.bind(2, detail)).fetch().rowsUpdated().then();
	}

	/** How many actions were recorded (for tests and the status page). */
	public Mono<Long> count() {
		return db.sql("select count(*) from admin_audit").map(row -> row.get(0, Long.class)).one();
	}
}
