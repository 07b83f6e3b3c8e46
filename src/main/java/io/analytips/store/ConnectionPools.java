package io.analytips.store;

import java.time.Duration;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.client.SSLMode;

/** Builds the R2DBC connection pool for a {@link DatabaseUrl}. */
public final class ConnectionPools {

	private ConnectionPools() {
	}

	/**
	 * A pool that connects lazily (no connection is opened until the first query), so the start-up
	 * check is the first to reach the server and can name {@code DATABASE_URL} when it fails.
	 *
	 * @param statementTimeout PostgreSQL's {@code statement_timeout}, sent when each connection opens:
	 * the server cancels any statement of the pool's connections running longer (a lock wait, a slow
	 * plan), which fails its caller and frees the connection; {@link Duration#ZERO} for none (a
	 * command-line tool that walks a whole table in one statement)
	 */
	public static ConnectionPool create(DatabaseUrl url, int maxSize, Duration connectTimeout,
			Duration acquireTimeout, Duration statementTimeout) {
		PostgresqlConnectionConfiguration.Builder config = PostgresqlConnectionConfiguration.builder()
			.host(url.host())
			.port(url.port())
			.database(url.database())
			.username(url.username())
			.applicationName("analytips")
			.connectTimeout(connectTimeout)
			.statementTimeout(statementTimeout);
		if (url.password() != null) {
			config.password(url.password());
		}
		if (url.sslMode() != null) {
			config.sslMode(SSLMode.fromValue(url.sslMode()));
		}
		ShortlyNamedFactory driver = new ShortlyNamedFactory(new PostgresqlConnectionFactory(config.build()),
				"postgresql://" + url.host() + ":" + url.port() + "/" + url.database());
		return new ConnectionPool(ConnectionPoolConfiguration.builder(driver)
			.name("analytips")
			.initialSize(0)
			.maxSize(maxSize)
			.maxAcquireTime(acquireTimeout)
			.maxIdleTime(Duration.ofMinutes(10))
			.build());
	}
}
