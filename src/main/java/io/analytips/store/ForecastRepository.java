package io.analytips.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

import static io.analytips.store.FollowRepository.utc;

/**
 * The {@code forecasts} table: the bot's own record. A fixture's forecast is written once, before kick-off, and only
 * its score is added later: none is chosen after the fact. Every call has a deadline and errors with the database's
 * error.
 */
public class ForecastRepository {

	private final DatabaseClient db;

	private final Deadline deadline;

	public ForecastRepository(DatabaseClient db, Duration callTimeout) {
		this.db = db;
		this.deadline = new Deadline(callTimeout);
	}

	/**
	 * Keeps the forecast unless the fixture has one already, or has kicked off by its {@code madeAt}. Emits whether it
	 * was written.
	 */
	public Mono<Boolean> keep(Forecast forecast) {
		if (!forecast.madeAt().isBefore(forecast.kickoff())) {
			return Mono.just(false);
		}
		var spec = db.sql("""
				insert into forecasts (fixture_id, league_id, kickoff, made_at, home, draw, away, over25,
				    market_home, market_draw, market_away, bookmaker)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
				on conflict do nothing""")
			.bind(0, forecast.fixtureId())
			.bind(1, forecast.leagueId())
			.bind(2, utc(forecast.kickoff()))
			.bind(3, utc(forecast.madeAt()))
			.bind(4, forecast.home())
			.bind(5, forecast.draw())
			.bind(6, forecast.away());
		spec = nullable(spec, 7, forecast.over25());
		spec = nullable(spec, 8, forecast.marketHome());
		spec = nullable(spec, 9, forecast.marketDraw());
		spec = nullable(spec, 10, forecast.marketAway());
		spec = forecast.bookmaker() == null ? spec.bindNull(11, String.class) : spec.bind(11, forecast.bookmaker());
		return deadline.on(spec.fetch().rowsUpdated().map(rows -> rows > 0));
	}

	/** The fixture's forecast; empty if none was sent before its kick-off. */
	public Mono<Forecast> find(long fixtureId) {
		return deadline.on(db.sql("select * from forecasts where fixture_id = $1")
			.bind(0, fixtureId)
			.map(ForecastRepository::forecast)
			.one());
	}

	/** Adds the final score to the fixture's forecast, once. Emits whether one was settled. */
	public Mono<Boolean> settle(long fixtureId, int homeGoals, int awayGoals, Instant now) {
		return deadline.on(db.sql("""
				update forecasts set home_goals = $2, away_goals = $3, settled_at = $4
				where fixture_id = $1 and settled_at is null""")
			.bind(0, fixtureId)
			.bind(1, homeGoals)
			.bind(2, awayGoals)
			.bind(3, utc(now))
			.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0));
	}

	/** Every settled forecast, by league then kick-off. */
	public Flux<Forecast> settled() {
		return deadline.on(db.sql("select * from forecasts where settled_at is not null order by league_id, kickoff")
			.map(ForecastRepository::forecast)
			.all());
	}

	private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, int index,
			Double value) {
		return value == null ? spec.bindNull(index, Double.class) : spec.bind(index, value);
	}

	private static Forecast forecast(Readable row) {
		return new Forecast(row.get("fixture_id", Long.class), row.get("league_id", Integer.class),
				row.get("kickoff", OffsetDateTime.class).toInstant(), row.get("made_at", OffsetDateTime.class).toInstant(),
				row.get("home", Double.class), row.get("draw", Double.class), row.get("away", Double.class),
				row.get("over25", Double.class), row.get("market_home", Double.class), row.get("market_draw", Double.class),
				row.get("market_away", Double.class), row.get("bookmaker", String.class),
				row.get("home_goals", Integer.class), row.get("away_goals", Integer.class));
	}
}
