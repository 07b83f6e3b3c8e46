package io.analytips.ops.startup;

import java.time.Duration;
import java.util.List;

import io.analytips.store.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The first thing that starts: the start-up checks, then the schema migrations. Runs before the
 * web server and the pipeline, so a wrong setting stops the process before anything is received.
 * It waits on the main thread (with {@link ServiceChecks} before the embedded database, the only places
 * the application blocks, besides Flyway itself): nothing can proceed until it is known that the settings
 * work. The services' checks have passed already when the embedded database started; with
 * {@code DATABASE_URL} they run here, beside the database's.
 */
public final class StartupSequence implements SmartLifecycle {

	/** Before the web server (which starts at {@code DEFAULT_PHASE - 2048}). */
	public static final int PHASE = Integer.MIN_VALUE + 1000;

	private static final Logger log = LoggerFactory.getLogger(StartupSequence.class);

	private final ServiceChecks services;

	private final StartupValidator database;

	private final Migrations migrations;

	private final Duration deadline;

	private volatile boolean running;

	StartupSequence(ServiceChecks services, StartupValidator database, Migrations migrations, Duration deadline) {
		this.services = services;
		this.database = database;
		this.migrations = migrations;
		this.deadline = deadline;
	}

	@Override
	public void start() {
		// Main thread, during context refresh: blocking here is what "validate before intake" means.
		StartupValidator.all(List.of(services.validate(), database.validate())).block(deadline);
		migrations.migrate();
		running = true;
		log.info("Start-up checks passed and schema migrated");
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}
}
