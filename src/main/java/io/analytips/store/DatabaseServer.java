package io.analytips.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.FileSystemUtils;

/**
 * The database in use: the one {@code DATABASE_URL} names, or an embedded PostgreSQL (real
 * binaries, io.zonky.test) keeping its data under {@code ./data/} so it survives restarts.
 * Starting the embedded server blocks; it happens once, on the main thread, while the context starts.
 */
public final class DatabaseServer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

	private final DatabaseUrl url;

	private final EmbeddedPostgres embedded;

	/** The folder this start created for the embedded data (the data folder or a parent of it), or null. */
	private final Path created;

	/** This process's hold on the embedded data's folder; null for a database elsewhere. */
	private final DataFolderLock owner;

	private volatile boolean kept;

	private DatabaseServer(DatabaseUrl url, EmbeddedPostgres embedded, Path created, DataFolderLock owner) {
		this.url = url;
		this.embedded = embedded;
		this.created = created;
		this.owner = owner;
	}

	/**
	 * Resolves the database from the settings, starting the embedded server when no URL is set. A folder this
	 * creates for the embedded data is removed again when the server is closed before {@link #keep()}: a start
	 * that fails leaves no 40 MB database behind (a folder that existed before is never removed).
	 */
	public static DatabaseServer from(DatabaseProperties properties) {
		if (properties.isExternal()) {
			return external(DatabaseUrl.parse(properties.url()));
		}
		Path directory = properties.embeddedDirectory().toAbsolutePath().normalize();
		return start(directory, properties.embeddedDurable(), firstMissing(directory));
	}

	/** The highest folder on the way to {@code directory} (itself included) that does not exist yet, or null. */
	static Path firstMissing(Path directory) {
		Path missing = null;
		for (Path folder = directory; folder != null && !Files.exists(folder); folder = folder.getParent()) {
			missing = folder;
		}
		return missing;
	}

	/**
	 * The data is worth keeping from now on: the start reached intake ({@link KeepDatabaseFolder}), so the
	 * database may hold updates already confirmed to Telegram. Until then, closing the server removes the folder
	 * this start created.
	 */
	void keep() {
		kept = true;
	}

	/**
	 * Starts (or restarts, keeping its data) an embedded PostgreSQL in {@code directory}.
	 *
	 * @param durable whether every commit reaches the disk before it is acknowledged ({@code fsync},
	 * {@code synchronous_commit} and {@code full_page_writes} on): the inbox confirms an update to
	 * Telegram once its row is committed, so without it a crash of PostgreSQL or of the machine could
	 * lose updates Telegram will not send again. The embedded library turns the first two off by
	 * default (it is made for tests); false keeps them off, for tests and the demo.
	 */
	public static DatabaseServer embedded(Path directory, boolean durable) {
		return start(directory, durable, null);
	}

	/** {@link #embedded}, removing {@code created} (when not null) if the server does not start or once it stops unkept. */
	private static DatabaseServer start(Path directory, boolean durable, Path created) {
		DataFolderLock owner = null;
		try {
			Path absolute = directory.toAbsolutePath().normalize();
			Files.createDirectories(absolute);
			// before anything touches the server: a PostgreSQL running on this data may be another live process's
			owner = DataFolderLock.take(absolute);
			stopOrphan(absolute);
			String flush = durable ? "on" : "off";
			// The library passes -F (fsync off) before these -c options; the later option wins.
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(absolute)
				.setCleanDataDirectory(false)
				.setServerConfig("max_connections", "200")
				.setServerConfig("fsync", flush)
				.setServerConfig("synchronous_commit", flush)
				.setServerConfig("full_page_writes", flush)
				.start();
			DatabaseUrl url = new DatabaseUrl("localhost", postgres.getPort(), "postgres", "postgres", null, null);
			log.info("Embedded PostgreSQL started on port {} with data in {}{} (set DATABASE_URL to use your own)",
					postgres.getPort(), absolute, durable ? "" : ", not durable (fsync off)");
			return new DatabaseServer(url, postgres, created, owner);
		}
		catch (IOException ex) {
			release(owner, created);
			throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, ex);
		}
		catch (RuntimeException ex) {
			release(owner, created);
			throw ex;
		}
	}

	/** Gives up the folder (if taken) and removes what this start created. */
	private static void release(DataFolderLock owner, Path created) {
		if (owner != null) {
			owner.release(created != null);
		}
		removeCreated(created);
	}

	/**
	 * A previous run killed without a chance to clean up (SIGKILL, power loss) leaves its embedded
	 * server running on the same data; stop it (fast shutdown: it has no clients left) so this run
	 * can start one. Only called while this process holds the folder ({@link DataFolderLock}), so the
	 * server found is no live process's. Blocks for a few seconds at most, on the main thread, at start-up.
	 */
	private static void stopOrphan(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() < 2 || !Path.of(lines.get(1).strip()).toAbsolutePath().normalize().equals(dataDirectory)) {
			return;
		}
		Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
			.filter(ProcessHandle::isAlive)
			.filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
		if (orphan.isPresent()) {
			log.warn("Stopping the embedded PostgreSQL (pid {}) left running by a previous run", orphan.get().pid());
			orphan.get().destroy();
			try {
				orphan.get().onExit().get(15, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException ex) {
				orphan.get().destroyForcibly();
			}
		}
	}

	/**
	 * For tools run beside the bot ({@code audit-verify}): the embedded server in {@code directory}
	 * if one is running (found through its {@code postmaster.pid}, never stopped), else a new one.
	 */
	public static DatabaseServer attachOrStart(Path directory) {
		Path absolute = directory.toAbsolutePath().normalize();
		try {
			Path pidFile = absolute.resolve("postmaster.pid");
			if (Files.isRegularFile(pidFile)) {
				List<String> lines = Files.readAllLines(pidFile);
				boolean alive = lines.size() >= 4
						&& ProcessHandle.of(Long.parseLong(lines.get(0).strip())).map(ProcessHandle::isAlive).orElse(false);
				if (alive) {
					return external(new DatabaseUrl("localhost", Integer.parseInt(lines.get(3).strip()), "postgres",
							"postgres", null, null));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			log.debug("No running embedded PostgreSQL in {}: {}", absolute, ex.toString());
		}
		return embedded(absolute, true);
	}

	/** A server that is already running elsewhere. */
	public static DatabaseServer external(DatabaseUrl url) {
		return new DatabaseServer(url, null, null, null);
	}

	public DatabaseUrl url() {
		return url;
	}

	public boolean isEmbedded() {
		return embedded != null;
	}

	@Override
	public void destroy() throws IOException {
		if (embedded != null) {
			embedded.close();
			log.info("Embedded PostgreSQL stopped");
		}
		if (owner != null) {
			owner.release(!kept && created != null);
		}
		if (!kept) {
			removeCreated(created);
		}
	}

	private static void removeCreated(Path created) {
		if (created == null) {
			return;
		}
		try {
			if (FileSystemUtils.deleteRecursively(created)) {
				log.info("Removed {}: created by this start, which stopped before it opened intake", created);
			}
		}
		catch (IOException ex) {
			log.warn("Could not remove {}, created by this start: {}", created, ex.toString());
		}
	}
}
