package io.analytips.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.analytips.ops.startup.StartupSequence;
import io.analytips.pipeline.UpdatePipeline;
import io.analytips.replica.Replicas;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded default database: kept across restarts, durable when the bot runs. */
class DatabaseServerTests {

	private static final List<String> DURABILITY = List.of("fsync", "synchronous_commit", "full_page_writes");

	@Test
	void keepsItsDataAcrossRestarts(@TempDir Path directory) throws Exception {
		DatabaseServer first = DatabaseServer.embedded(directory, false);
		assertThat(first.isEmbedded()).isTrue();
		new Migrations(first.url()).migrate();
		ConnectionPool pool = pool(first);
		DatabaseClient.create(pool).sql("insert into users (bot_id, user_id, first_seen, last_seen, language, username, blocked) values (0, 1, now(), now(), 'pt-br', 'ana', false)").then().block();
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
	void refusesAFolderWhoseDatabaseAnotherLiveProcessRunsAndLeavesThatOneRunning(@TempDir Path directory) throws Exception {
		DatabaseServer first = DatabaseServer.embedded(directory, false);
		try {
			// a second start on the same folder (in this JVM, as another process's would be) is refused, and the
			// first's PostgreSQL is not taken for the orphan of a killed run
			assertThatThrownBy(() -> DatabaseServer.embedded(directory, false)).isInstanceOf(DataFolderInUseException.class)
				.hasMessageContaining("Another Analytips process (pid " + ProcessHandle.current().pid() + ")")
				.hasMessageContaining(directory.toString());
			ConnectionPool pool = pool(first);
			assertThat(DatabaseClient.create(pool).sql("select 1").map(row -> row.get(0, Integer.class)).one().block())
				.isEqualTo(1);
			pool.dispose();
		}
		finally {
			first.destroy();
		}
		// given up with the server: the next start takes it
		DatabaseServer next = DatabaseServer.embedded(directory, false);
		next.destroy();
	}

	@Test
	void aStartThatFailsBeforeIntakeLeavesNoLockFileBehind(@TempDir Path workingDirectory) throws Exception {
		DatabaseServer server = DatabaseServer.from(properties(workingDirectory.resolve("data/postgres")));
		assertThat(workingDirectory.resolve("data/postgres.lock")).exists();
		server.destroy();
		assertThat(workingDirectory.resolve("data")).doesNotExist();
		Path data = Files.createDirectories(workingDirectory.resolve("data"));
		DatabaseServer again = DatabaseServer.from(properties(data.resolve("postgres")));
		again.destroy();
		assertThat(data).isEmptyDirectory();
	}

	@Test
	void removesTheFoldersItCreatedWhenItStopsBeforeTheStartReachedIntake(@TempDir Path workingDirectory) throws Exception {
		DatabaseServer server = DatabaseServer.from(properties(workingDirectory.resolve("data/postgres")));
		assertThat(workingDirectory.resolve("data/postgres/PG_VERSION")).exists();
		server.destroy();
		assertThat(workingDirectory.resolve("data")).doesNotExist();
	}

	@Test
	void keepsItsFolderOnceTheStartReachedIntake(@TempDir Path workingDirectory) throws Exception {
		DatabaseServer server = DatabaseServer.from(properties(workingDirectory.resolve("data/postgres")));
		new KeepDatabaseFolder(server).start();
		server.destroy();
		assertThat(workingDirectory.resolve("data/postgres/PG_VERSION")).exists();
	}

	@Test
	void neverRemovesAFolderThatExistedBefore(@TempDir Path workingDirectory) throws Exception {
		Path data = Files.createDirectories(workingDirectory.resolve("data"));
		Files.writeString(data.resolve("analytips-demo.log"), "an earlier run's log\n");
		DatabaseServer first = DatabaseServer.from(properties(data.resolve("postgres")));
		first.destroy();
		assertThat(data.resolve("analytips-demo.log")).exists();
		assertThat(data.resolve("postgres")).doesNotExist();

		Path existing = Files.createDirectories(data.resolve("postgres"));
		DatabaseServer second = DatabaseServer.from(properties(existing));
		second.destroy();
		assertThat(existing.resolve("PG_VERSION")).exists();
	}

	@Test
	void findsTheHighestFolderThatDoesNotExistYet(@TempDir Path workingDirectory) throws IOException {
		assertThat(DatabaseServer.firstMissing(workingDirectory.resolve("data/demo/postgres"))).isEqualTo(workingDirectory.resolve("data"));
		Files.createDirectories(workingDirectory.resolve("data/demo"));
		assertThat(DatabaseServer.firstMissing(workingDirectory.resolve("data/demo/postgres")))
			.isEqualTo(workingDirectory.resolve("data/demo/postgres"));
		assertThat(DatabaseServer.firstMissing(workingDirectory.resolve("data/demo"))).isNull();
	}

	@Test
	void keepsTheFolderJustBeforeIntakeOpensAfterTheChecksAndTheWebServer() {
		assertThat(KeepDatabaseFolder.PHASE).isLessThan(UpdatePipeline.PHASE)
			.isGreaterThan(StartupSequence.PHASE)
			.isGreaterThan(Replicas.PHASE)
			.isGreaterThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE)
			.isGreaterThan(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE);
	}

	/** The application's settings with the embedded data in {@code directory}. */
	private static DatabaseProperties properties(Path directory) {
		DatabaseProperties settings = settings("application-demo.yml", "application.yml");
		return new DatabaseProperties("", directory, false, settings.poolMaxSize(), settings.connectTimeout(),
				settings.acquireTimeout(), settings.statementTimeout(), settings.callTimeout(), settings.retention());
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
