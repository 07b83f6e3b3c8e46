package io.analytips.ops.startup;

import java.time.Duration;

import io.analytips.store.BeforeEmbeddedStart;
import reactor.core.publisher.Mono;

/**
 * The checks of the services the bot calls (Telegram {@code getMe}, API-Football {@code /status}), which need
 * nothing of the database, run once. With the embedded database they run before it starts
 * ({@link BeforeEmbeddedStart}): a wrong token or an unreachable host stops the start before the database costs
 * seconds and a folder, and the start-up sequence then finds them passed. With {@code DATABASE_URL} they first
 * run in the sequence, beside the database's check, as before.
 */
final class ServiceChecks implements BeforeEmbeddedStart {

	private final Mono<Void> validation;

	private final Duration deadline;

	/**
	 * @param deadline how long {@link #await()} waits at most; the validator's own budget is shorter, so this only
	 *        guards against a bug
	 */
	ServiceChecks(StartupValidator validator, Duration deadline) {
		this.validation = validator.validate().cache();
		this.deadline = deadline;
	}

	/**
	 * Runs the checks and waits for them, on the main thread while the context starts (as
	 * {@link StartupSequence} does: nothing may proceed until the settings are known to work); throws a
	 * {@link StartupValidationException} naming every setting that failed.
	 */
	@Override
	public void await() {
		validation.block(deadline);
	}

	/**
	 * Completes when the checks pass, at once if they passed before the database started; errors with a
	 * {@link StartupValidationException} naming every setting that failed. The checks run once, whoever asks first.
	 */
	Mono<Void> validate() {
		return validation;
	}
}
