package io.analytips.common;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;

/** The thread that closes the application context (in order, draining first), then ends the process with its exit code. */
public final class ExitThread {

	private ExitThread() {
	}

	/**
	 * An unstarted thread that closes {@code context} (none: nothing to close, exit code 0), then calls
	 * {@link System#exit}. Not a daemon, as it would be by inheritance from the thread that makes it (the signal
	 * dispatcher, the demo's console reader): once the context's own threads had ended midway through the close, the
	 * JVM took that for the end of the program and ran the shutdown hooks, the embedded PostgreSQL's among them,
	 * while the replica's row, the last batched writes and the database itself were still being closed in order.
	 */
	public static Thread of(String name, ApplicationContext context) {
		Thread exit = new Thread(() -> System.exit(context == null ? 0 : SpringApplication.exit(context)), name);
		exit.setDaemon(false);
		return exit;
	}
}
