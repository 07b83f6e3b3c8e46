package io.analytips.store;

/**
 * What must pass before the embedded PostgreSQL starts, which takes seconds and creates its folder: checks that
 * need nothing of the database (the Telegram and API-Football start-up checks) run first, so that a wrong token
 * or an unreachable host stops the start before anything heavy. Not run with {@code DATABASE_URL}, whose server
 * is already running: there every check runs at once, in parallel.
 */
@FunctionalInterface
public interface BeforeEmbeddedStart {

	/**
	 * Returns once the check passed; throws (on the main thread, while the context starts) to stop the start.
	 * Called once, before the embedded server starts.
	 */
	void await();
}
