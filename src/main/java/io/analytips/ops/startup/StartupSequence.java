package io.analytips.ops.startup;

import java.time.Duration;

import io.analytips.store.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The first thing that starts: the start-up checks, then the schema migrations. Runs before the
 * web server and the pipeline, so a wrong setting stops the process before anything is received.
 * It waits on the main thread (the only place the application blocks, besides Flyway itself):
 * nothing can proceed until it is known that the settings work.
 */
public final class StartupSequence implements SmartLifecycle {

	/** Before the web server (which starts at {@code DEFAULT_PHASE - 2048}). */
	public static final int PHASE = Integer.MIN_VALUE + 1000;

	private static final Logger log = LoggerFactory.getLogger(StartupSequence.class);

	private final StartupValidator validator;

	private final Migrations migrations;

	private final Duration deadline;

	private volatile boolean running;

	public StartupSequence(StartupValidator validator, Migrations migrations, Duration deadline) {
		this.validator = validator;
		this.migrations = migrations;
		this.deadline = deadline;
	}

	@Override
	public void start() {
		// Main thread, during context refresh: blocking here is what "validate before intake" means.
		validator.validate().block(deadline);
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
