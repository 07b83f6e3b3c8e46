package io.analytips.store;

import java.time.Duration;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionPoolsTest {

	@Test
	void namesThePoolsFactoryByItsAddressAloneAndKeepsTheDriverUnderIt() {
		DatabaseUrl url = new DatabaseUrl("db.internal", 5433, "analytips", "bot", "s3cret", null);
		ConnectionPool pool = ConnectionPools.create(url, 2, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ZERO);
		try {
			ConnectionFactory factory = pool.unwrap();

			// r2dbc-pool copies this name into every acquisition's timeout description
			assertThat(factory).hasToString("postgresql://db.internal:5433/analytips");
			assertThat(factory.toString()).doesNotContain("s3cret", "bot");
			assertThat(factory.getMetadata().getName()).isEqualTo("PostgreSQL");
			assertThat(((Wrapped<?>) factory).unwrap()).isInstanceOf(PostgresqlConnectionFactory.class);
		}
		finally {
			pool.dispose();
		}
	}
}
