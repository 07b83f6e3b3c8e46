package io.analytips.store;

import org.springframework.context.SmartLifecycle;

/**
 * Keeps the embedded database's folder ({@link DatabaseServer#keep()}) once the start reaches intake: the last
 * step before the pipeline opens it, after the start-up checks, the migrations, the replicas and the web server.
 * A start that fails before (a failed check or migration, a port already in use) removes the folder it created;
 * one that fails after keeps it, since it may hold updates already confirmed to Telegram.
 */
final class KeepDatabaseFolder implements SmartLifecycle {

	/** Just before intake opens ({@code UpdatePipeline.PHASE}, {@code Integer.MAX_VALUE - 100}). */
	static final int PHASE = Integer.MAX_VALUE - 101;

	private final DatabaseServer server;

	private volatile boolean running;

	KeepDatabaseFolder(DatabaseServer server) {
		this.server = server;
	}

	@Override
	public void start() {
		server.keep();
		running = true;
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
