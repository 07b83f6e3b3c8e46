package io.analytips.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default database: kept across restarts, durable when the bot runs. */
class DatabaseServerTests {

	private static final List<String> DURABILITY = List.of("fsync", "synchronous_commit", "full_page_writes");

	@Test
	void keepsItsDataAcrossRestarts(@TempDir Path directory) throws Exception {
		DatabaseServer first = DatabaseServer.embedded(directory, false);
		assertThat(first.isEmbedded()).isTrue();
		new Migrations(first.url()).migrate();
		ConnectionPool pool = pool(first);
		DatabaseClient.create(pool).sql("insert into users values (1, now(), now(), 'pt-br', 'ana', false)").then().block();
		pool.dispose();
		first.destroy();

		DatabaseServer second = DatabaseServer.embedded(directory, false);
		new Migrations(second.url()).migrate();
		ConnectionPool again = pool(second);
		Long users = DatabaseClient.create(again).sql("select count(*) from users").map(row -> row.get(0, Long.class)).one().block();
		again.dispose();
		second.destroy();
		assertThat(users).isEqualTo(1);
	}

	@Test
	void usesTheUrlItIsGiven() {
		DatabaseProperties settings = settings("application.yml");
		DatabaseServer external = DatabaseServer.from(new DatabaseProperties("postgres://u:p@db:5433/x", Path.of("unused"),
				true, 5, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2),
				settings.retention()));
		assertThat(external.isEmbedded()).isFalse();
		assertThat(external.url().port()).isEqualTo(5433);
	}

	@Test
	void flushesEveryCommitToDiskWhenTheBotRuns(@TempDir Path directory) throws Exception {
		DatabaseProperties settings = settings("application.yml");
		assertThat(settings.embeddedDurable()).isTrue();
		assertThat(runningSettings(settings, directory)).containsOnlyKeys(DURABILITY).allSatisfy((name, value) -> assertThat(value).isEqualTo("on"));
	}

	@Test
	void theDemoTradesDurabilityForSpeed(@TempDir Path directory) throws Exception {
		DatabaseProperties settings = settings("application-demo.yml", "application.yml");
		assertThat(settings.embeddedDurable()).isFalse();
		assertThat(runningSettings(settings, directory)).containsEntry("fsync", "off").containsEntry("synchronous_commit", "off");
	}

	/** What the embedded server started from these settings (in {@code directory}) reports for {@link #DURABILITY}. */
	private static Map<String, String> runningSettings(DatabaseProperties settings, Path directory) throws IOException {
		DatabaseServer server = DatabaseServer.from(new DatabaseProperties(settings.url(), directory, settings.embeddedDurable(),
				settings.poolMaxSize(), settings.connectTimeout(), settings.acquireTimeout(), settings.statementTimeout(),
				settings.callTimeout(), settings.retention()));
		ConnectionPool pool = pool(server);
		try {
			assertThat(server.isEmbedded()).isTrue();
			return DatabaseClient.create(pool)
				.sql("select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes')")
				.map(row -> Map.entry(row.get("name", String.class), row.get("setting", String.class)))
				.all()
				.collectMap(Map.Entry::getKey, Map.Entry::getValue)
				.block(Duration.ofSeconds(30));
		}
		finally {
			pool.dispose();
			server.destroy();
		}
	}

	/** {@code analytips.database.*} as the application binds it from these files (the first wins), no environment. */
	static DatabaseProperties settings(String... files) {
		MutablePropertySources sources = new MutablePropertySources();
		try {
			for (String file : files) {
				for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
					sources.addLast(source);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
			.bind("analytips.database", DatabaseProperties.class)
			.get();
	}

	private static ConnectionPool pool(DatabaseServer server) {
		return ConnectionPools.create(server.url(), 2, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
	}
}
