package io.analytips.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/** The {@code analyses} table. */
public class AnalysisRepository {

	private final DatabaseClient db;

	public AnalysisRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Stores an analysis; emits its id. */
	public Mono<Long> save(StoredAnalysis analysis) {
		var spec = db.sql("""
				insert into analyses (user_id, fixture_id, kind, home, away, kickoff, data_age_s, payload)
				values ($1, $2, $3, $4, $5, $6, $7, $8) returning id""")
			.bind(0, analysis.userId())
			.bind(1, analysis.fixtureId())
			.bind(2, analysis.kind())
			.bind(3, analysis.home())
			.bind(4, analysis.away());
		spec = analysis.kickoff() == null ? spec.bindNull(5, OffsetDateTime.class)
				: spec.bind(5, analysis.kickoff().atOffset(ZoneOffset.UTC));
		return spec.bind(6, analysis.dataAgeSeconds()).bind(7, analysis.payload())
			.map(row -> row.get(0, Long.class))
			.one();
	}

	/** A user's latest analyses, newest first. */
	public Flux<StoredAnalysis> recent(long userId, int limit) {
		return db.sql("""
				select id, user_id, fixture_id, kind, home, away, kickoff, created_at, data_age_s, payload
				from analyses where user_id = $1 order by created_at desc, id desc limit $2""")
			.bind(0, userId)
			.bind(1, limit)
			.map(row -> {
				OffsetDateTime kickoff = row.get("kickoff", OffsetDateTime.class);
				return new StoredAnalysis(row.get("id", Long.class), row.get("user_id", Long.class),
						row.get("fixture_id", Long.class), row.get("kind", String.class), row.get("home", String.class),
						row.get("away", String.class), kickoff == null ? null : kickoff.toInstant(),
						row.get("created_at", OffsetDateTime.class).toInstant(), row.get("data_age_s", Long.class),
						row.get("payload", String.class));
			})
			.all();
	}
}
