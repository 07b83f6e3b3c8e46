package io.analytips.ops.startup;

import reactor.core.publisher.Mono;

/**
 * One check run before intake opens (Telegram {@code getMe}, PostgreSQL {@code SELECT 1}, later
 * API-Football {@code /status}). Checks run in parallel; each attempt has a timeout and a check
 * still failing after a few retries stops the process.
 */
public interface StartupCheck {

	/** What is checked, for the log: "Telegram", "PostgreSQL". */
	String name();

	/** The setting named when the service does not answer in time, e.g. {@code DATABASE_URL}. */
	String setting();

	/**
	 * Completes when the service answers as expected. Errors with a {@link StartupCheckFailure}:
	 * {@linkplain StartupCheckFailure#definite() definite} (a wrong setting: not retried) or not
	 * (unreachable: retried); any other error counts as unreachable.
	 */
	Mono<Void> run();
}
