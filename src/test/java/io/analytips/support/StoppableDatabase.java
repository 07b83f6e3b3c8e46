package io.analytips.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.analytips.store.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.util.FileSystemUtils;

/**
 * An embedded PostgreSQL of one test's own (not {@link TestDatabase}'s shared server), which the test can stop and
 * start again on the same data directory and port: a real outage, as a restart or a failover looks to a client
 * (sessions ended by the server's shutdown, then connections refused), not a freeze. Not durable, as
 * {@link TestDatabase}.
 */
public final class StoppableDatabase implements AutoCloseable {

	private static final String DATABASE = "analytips";

	private final Path dataDirectory;

	private final int port;

	private EmbeddedPostgres server;

	private StoppableDatabase(Path dataDirectory, EmbeddedPostgres server) {
		this.dataDirectory = dataDirectory;
		this.server = server;
		this.port = server.getPort();
	}

	/** A new server with one empty database ({@link #url()}). */
	public static StoppableDatabase start() {
		try {
			Path dataDirectory = Files.createTempDirectory("analytips-stoppable-pg");
			StoppableDatabase database = new StoppableDatabase(dataDirectory, server(dataDirectory, 0));
			try (Connection connection = database.server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create database " + DATABASE);
			}
			return database;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static EmbeddedPostgres server(Path dataDirectory, int port) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			// kept between a stop and the next start; removed by close()
			.setCleanDataDirectory(false)
			.setServerConfig("max_connections", "300")
			.setServerConfig("fsync", "off")
			.setServerConfig("synchronous_commit", "off");
		return (port == 0 ? builder : builder.setPort(port)).start();
	}

	/** The database, at the same address across stops. */
	public DatabaseUrl url() {
		return new DatabaseUrl("localhost", port, DATABASE, "postgres", null, null);
	}

	/**
	 * Stops the server ({@code pg_ctl stop -m fast}): open sessions are ended, new connections refused until
	 * {@link #startAgain}. Returns once it has stopped.
	 */
	public synchronized void stop() {
		if (server == null) {
			throw new IllegalStateException("already stopped");
		}
		try {
			server.close();
			server = null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the stopped server again on the same data and port; returns once it accepts connections. */
	public synchronized void startAgain() {
		if (server != null) {
			throw new IllegalStateException("running");
		}
		try {
			server = server(dataDirectory, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public synchronized void close() {
		try {
			if (server != null) {
				server.close();
				server = null;
			}
			FileSystemUtils.deleteRecursively(dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
