package io.analytips.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/** The {@code market_prices} table: what the market said about fixtures before they kicked off. */
public class MarketPriceRepository {

	private final DatabaseClient db;

	public MarketPriceRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Stores the prices unless a later observation of the same fixture is already stored (the later one is
	 * closer to the closing price). Emits whether the row was written. A later reading without over 2.5 keeps
	 * the stored one's: a line missing from one reading is no news about the goals.
	 */
	public Mono<Boolean> save(MarketPrice price) {
		Objects.requireNonNull(price, "price");
		DatabaseClient.GenericExecuteSpec spec = db.sql("""
				insert into market_prices (fixture_id, home, draw, away, bookmaker, observed_at, kickoff, over25)
				values ($1, $2, $3, $4, $5, $6, $7, $8)
				on conflict (fixture_id) do update
				set home = excluded.home, draw = excluded.draw, away = excluded.away, bookmaker = excluded.bookmaker,
				    observed_at = excluded.observed_at, kickoff = excluded.kickoff,
				    over25 = coalesce(excluded.over25, market_prices.over25)
				where market_prices.observed_at <= excluded.observed_at""")
			.bind(0, price.fixtureId())
			.bind(1, price.home())
			.bind(2, price.draw())
			.bind(3, price.away())
			.bind(4, price.bookmaker())
			.bind(5, utc(price.observedAt()))
			.bind(6, utc(price.kickoff()));
		spec = price.over25() == null ? spec.bindNull(7, Double.class) : spec.bind(7, price.over25());
		return spec.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0);
	}

	/** The stored prices of those of {@code fixtureIds} that have some, by fixture id; an empty map if none. */
	public Mono<Map<Long, MarketPrice>> find(Collection<Long> fixtureIds) {
		Objects.requireNonNull(fixtureIds, "fixtureIds");
		if (fixtureIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return db.sql("""
				select fixture_id, home, draw, away, over25, bookmaker, observed_at, kickoff
				from market_prices where fixture_id = any($1)""")
			.bind(0, fixtureIds.toArray(Long[]::new))
			.map(row -> new MarketPrice(row.get("fixture_id", Long.class), row.get("home", Double.class),
					row.get("draw", Double.class), row.get("away", Double.class), row.get("over25", Double.class),
					row.get("bookmaker", String.class),
					row.get("observed_at", OffsetDateTime.class).toInstant(),
					row.get("kickoff", OffsetDateTime.class).toInstant()))
			.all()
			.collectMap(MarketPrice::fixtureId);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
