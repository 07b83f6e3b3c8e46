package io.analytips.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default database keeps its data across restarts. */
class DatabaseServerTests {

	@Test
	void keepsItsDataAcrossRestarts() throws Exception {
		Path directory = Files.createTempDirectory("analytips-embedded");
		DatabaseServer first = DatabaseServer.embedded(directory);
		assertThat(first.isEmbedded()).isTrue();
		new Migrations(first.url()).migrate();
		ConnectionPool pool = ConnectionPools.create(first.url(), 2, Duration.ofSeconds(5), Duration.ofSeconds(5));
		DatabaseClient.create(pool).sql("insert into users values (1, now(), now(), 'pt-br', 'ana', false)").then().block();
		pool.dispose();
		first.destroy();

		DatabaseServer second = DatabaseServer.embedded(directory);
		new Migrations(second.url()).migrate();
		ConnectionPool again = ConnectionPools.create(second.url(), 2, Duration.ofSeconds(5), Duration.ofSeconds(5));
		Long users = DatabaseClient.create(again).sql("select count(*) from users").map(row -> row.get(0, Long.class)).one().block();
		again.dispose();
		second.destroy();
		assertThat(users).isEqualTo(1);
	}

	@Test
	void usesTheUrlItIsGiven() {
		DatabaseServer external = DatabaseServer.from(new DatabaseProperties("postgres://u:p@db:5433/x",
				Path.of("unused"), 5, Duration.ofSeconds(1), Duration.ofSeconds(1)));
		assertThat(external.isEmbedded()).isFalse();
		assertThat(external.url().port()).isEqualTo(5433);
	}
}
