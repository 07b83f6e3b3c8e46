package io.analytips.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.store.ConnectionPools;
import io.analytips.store.DatabaseUrl;
import io.analytips.store.Migrations;
import io.r2dbc.pool.ConnectionPool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * One embedded PostgreSQL per test JVM (real binaries, no Docker), and a fresh database per test
 * that asks for one, so tests never see each other's rows. Not durable ({@code fsync} and
 * {@code synchronous_commit} off, like the demo): a test's data need not survive a power cut, and
 * the suite runs faster; {@code DatabaseServerTests} checks the durable settings of the bot's own.
 */
public final class TestDatabase {

	/** Production's {@code analytips.database.statement-timeout}. */
	public static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(10);

	/** Production's {@code analytips.database.call-timeout}. */
	public static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

	private static final AtomicInteger databases = new AtomicInteger();

	private static EmbeddedPostgres server;

	private TestDatabase() {
	}

	/** A new, empty database (not migrated). */
	public static synchronized DatabaseUrl fresh() {
		try {
			if (server == null) {
				server = EmbeddedPostgres.builder()
					.setDataDirectory(Files.createTempDirectory("analytips-test-pg"))
					.setCleanDataDirectory(true)
					.setServerConfig("max_connections", "300")
					.setServerConfig("fsync", "off")
					.setServerConfig("synchronous_commit", "off")
					.start();
			}
			String name = "test_" + databases.incrementAndGet();
			try (Connection connection = server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create database " + name);
			}
			return new DatabaseUrl("localhost", server.getPort(), name, "postgres", null, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A new database with the application's schema. */
	public static DatabaseUrl migrated() {
		DatabaseUrl url = fresh();
		new Migrations(url).migrate();
		return url;
	}

	/** The {@code DATABASE_URL} form of a database. */
	public static String environmentUrl(DatabaseUrl url) {
		return "postgres://" + url.username() + "@" + url.host() + ":" + url.port() + "/" + url.database();
	}

	/** A pool to a database with production's statement timeout; dispose it after the test. */
	public static ConnectionPool pool(DatabaseUrl url) {
		return pool(url, STATEMENT_TIMEOUT);
	}

	/** A pool whose connections have this {@code statement_timeout} ({@link Duration#ZERO}: none). */
	public static ConnectionPool pool(DatabaseUrl url, Duration statementTimeout) {
		return ConnectionPools.create(url, 20, Duration.ofSeconds(5), Duration.ofSeconds(10), statementTimeout);
	}

	/** A client over a pool. */
	public static DatabaseClient client(ConnectionPool pool) {
		return DatabaseClient.create(pool);
	}

	/**
	 * Makes every insert, update and delete of a row of {@code table} hang: a trigger sleeps 60 s in
	 * PostgreSQL ({@code pg_sleep}) until a statement timeout cancels it. {@link #wake} undoes it.
	 */
	public static void stallWrites(DatabaseClient db, String table) {
		db.sql("create or replace function analytips_test_stall() returns trigger language plpgsql as $$"
				+ " begin perform pg_sleep(60); return coalesce(new, old); end $$").then().block(Duration.ofSeconds(10));
		db.sql("create trigger analytips_test_stall before insert or update or delete on " + table
				+ " for each row execute function analytips_test_stall()").then().block(Duration.ofSeconds(10));
	}

	/** Writes to {@code table} run again (once the stalled ones have been cancelled). */
	public static void wake(DatabaseClient db, String table) {
		db.sql("drop trigger if exists analytips_test_stall on " + table).then().block(Duration.ofSeconds(20));
	}

	/**
	 * Another session takes {@code table}'s ACCESS EXCLUSIVE lock (what an {@code ALTER TABLE} or a
	 * {@code VACUUM FULL} takes) and holds it until closed: every statement on the table, reads
	 * included, waits meanwhile.
	 */
	public static AutoCloseable lock(DatabaseUrl url, String table) {
		try {
			Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("lock table " + table + " in access exclusive mode");
			}
			return () -> {
				connection.rollback();
				connection.close();
			};
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
