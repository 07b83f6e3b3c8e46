package io.analytips.pipeline;

import java.util.Locale;

import reactor.core.publisher.Mono;

/**
 * The extension point of the pipeline: handles one kind of update. For each update the first
 * handler (in {@code @Order}) whose {@link #supports} answers true runs; an update no handler
 * supports ends {@code invalid}.
 */
public interface Handler {

	/** Cheap and synchronous: whether this handler takes the update. */
	boolean supports(UpdateContext context);

	/**
	 * Handles the update. Completes when done; an error (or exceeding the per-update timeout)
	 * ends the update {@code failed}, after the user got a short error reply. Runs on a Reactor
	 * thread: must not block.
	 */
	Mono<Void> handle(UpdateContext context);

	/**
	 * What the user did, for the {@code analytips.user.actions} metric: a short name from a fixed
	 * set (never user input). By default the handler's name: {@code StartHandler} → {@code start}.
	 */
	default String action(UpdateContext context) {
		return getClass().getSimpleName().replaceFirst("Handler$", "").toLowerCase(Locale.ROOT);
	}
}
