package io.analytips.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

import static io.analytips.store.FollowRepository.utc;

/**
 * The {@code watched_fixtures} table: the fixtures somebody follows, as last read, until their end has been told.
 * Every call has a deadline and errors with the database's error.
 */
public class WatchedFixtureRepository {

	private final DatabaseClient db;

	private final Deadline deadline;

	public WatchedFixtureRepository(DatabaseClient db, Duration callTimeout) {
		this.db = db;
		this.deadline = new Deadline(callTimeout);
	}

	/**
	 * Writes these fixtures as now read (new ones added; kick-off, status and score of the others updated, unless their
	 * end was told already). Emits the ids of the fixtures written.
	 */
	public Flux<Long> watch(List<WatchedFixture> fixtures, Instant now) {
		return Flux.fromIterable(fixtures).concatMap(fixture -> {
			var spec = db.sql("""
					insert into watched_fixtures (fixture_id, league_id, season, home_id, away_id, home_name, away_name,
					    kickoff, status, home_goals, away_goals, updated_at)
					values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
					on conflict (fixture_id) do update set kickoff = excluded.kickoff, status = excluded.status,
					    home_goals = excluded.home_goals, away_goals = excluded.away_goals, updated_at = excluded.updated_at
					where watched_fixtures.result_at is null
					returning fixture_id""")
				.bind(0, fixture.fixtureId())
				.bind(1, fixture.leagueId())
				.bind(2, fixture.season())
				.bind(3, fixture.homeId())
				.bind(4, fixture.awayId())
				.bind(5, fixture.homeName())
				.bind(6, fixture.awayName())
				.bind(7, utc(fixture.kickoff()))
				.bind(8, fixture.status());
			spec = fixture.homeGoals() == null ? spec.bindNull(9, Integer.class) : spec.bind(9, fixture.homeGoals());
			spec = fixture.awayGoals() == null ? spec.bindNull(10, Integer.class) : spec.bind(10, fixture.awayGoals());
			return deadline.on(spec.bind(11, utc(now)).map(row -> row.get("fixture_id", Long.class)).all());
		});
	}

	/** Which of these fixtures are watched already (each once); none for none. */
	public Flux<Long> known(Collection<Long> fixtureIds) {
		if (fixtureIds.isEmpty()) {
			return Flux.empty();
		}
		return deadline.on(db.sql("select fixture_id from watched_fixtures where fixture_id = any($1)")
			.bind(0, fixtureIds.toArray(Long[]::new))
			.map(row -> row.get("fixture_id", Long.class))
			.all());
	}

	/** The watched fixtures whose end has not been told and that kicked off before {@code kickedOffBefore}. */
	public Flux<WatchedFixture> open(Instant kickedOffBefore) {
		return deadline.on(db.sql("""
				select * from watched_fixtures where result_at is null and kickoff <= $1 order by kickoff""")
			.bind(0, utc(kickedOffBefore))
			.map(WatchedFixtureRepository::fixture)
			.all());
	}

	/** The fixture as last read; empty if nobody watched it. */
	public Mono<WatchedFixture> find(long fixtureId) {
		return deadline.on(db.sql("select * from watched_fixtures where fixture_id = $1")
			.bind(0, fixtureId)
			.map(WatchedFixtureRepository::fixture)
			.one());
	}

	/**
	 * Records the fixture's end (or cancellation) as read, once: emits true for the call that recorded it, false if it
	 * had been already (so its alerts are written by one caller only).
	 */
	public Mono<Boolean> end(long fixtureId, String status, Integer homeGoals, Integer awayGoals, Instant now) {
		var spec = db.sql("""
				update watched_fixtures set status = $2, home_goals = $3, away_goals = $4, updated_at = $5, result_at = $5
				where fixture_id = $1 and result_at is null""")
			.bind(0, fixtureId)
			.bind(1, status);
		spec = homeGoals == null ? spec.bindNull(2, Integer.class) : spec.bind(2, homeGoals);
		spec = awayGoals == null ? spec.bindNull(3, Integer.class) : spec.bind(3, awayGoals);
		return deadline.on(spec.bind(4, utc(now)).fetch().rowsUpdated().map(rows -> rows > 0));
	}

	private static WatchedFixture fixture(Readable row) {
		OffsetDateTime resultAt = row.get("result_at", OffsetDateTime.class);
		return new WatchedFixture(row.get("fixture_id", Long.class), row.get("league_id", Integer.class),
				row.get("season", Integer.class), row.get("home_id", Long.class), row.get("away_id", Long.class),
				row.get("home_name", String.class), row.get("away_name", String.class),
				row.get("kickoff", OffsetDateTime.class).toInstant(), row.get("status", String.class),
				row.get("home_goals", Integer.class), row.get("away_goals", Integer.class),
				resultAt == null ? null : resultAt.toInstant());
	}
}
