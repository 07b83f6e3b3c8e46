package io.analytips.pipeline;

import java.util.Locale;

import reactor.core.publisher.Mono;

/**
 * The extension point of the pipeline: handles one kind of update. For each update the first
 * handler (in {@link HandlerOrder}) whose {@link #supports} answers true runs; an update no handler
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
	 * Whether this update only moves between screens answered from memory (a menu, a list, the
	 * search prompt): such button presses count against the navigation allowance
	 * ({@code BOT_NAVIGATION_RATE_LIMIT}, 40 a window by default) instead of the stricter limit on
	 * work ({@code BOT_RATE_LIMIT}: commands, text, anything that costs an upstream call or a model
	 * run). Asked only for callback queries and inline queries; cheap and synchronous, like {@link #supports}.
	 */
	default boolean isNavigation(UpdateContext context) {
		return false;
	}

	/**
	 * What the user did, for the {@code analytips.user.actions} metric: a short name from a fixed
	 * set (never user input). By default the handler's name: {@code StartHandler} → {@code start}.
	 */
	default String action(UpdateContext context) {
		return Actions.NAMES.get(getClass());
	}

	/** The default action names, worked out once per handler class. */
	final class Actions {

		static final ClassValue<String> NAMES = new ClassValue<>() {
			@Override
			protected String computeValue(Class<?> type) {
				String name = type.getSimpleName();
				return (name.endsWith("Handler") ? name.substring(0, name.length() - "Handler".length()) : name)
					.toLowerCase(Locale.ROOT);
			}
		};

		private Actions() {
		}
	}
}
