package io.analytips.pipeline.dispatch;

import java.util.List;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's handlers in the order they are tried: picks the one that takes an update, and tells
 * intake whether a button press only moves between menus (its own, larger rate allowance).
 */
public final class Handlers {

	private static final Logger log = LoggerFactory.getLogger(Handlers.class);

	private final List<Handler> ordered;

	public Handlers(List<Handler> ordered) {
		this.ordered = List.copyOf(ordered);
	}

	/** The first handler whose {@link Handler#supports} is true, or null. */
	Handler select(UpdateContext context) {
		for (Handler handler : ordered) {
			if (handler.supports(context)) {
				return handler;
			}
		}
		return null;
	}

	/**
	 * Whether the update is a button press its handler answers from memory ({@link Handler#isNavigation}).
	 * Commands and text are never navigation; inline queries and button presses ask their handler. A handler that throws here costs the update the
	 * stricter limit, not its handling: the dispatcher's error boundary meets the same error later.
	 */
	public boolean isNavigation(UpdateContext context) {
		if (!context.isCallback() && !context.isInlineQuery()) {
			return false;
		}
		try {
			Handler handler = select(context);
			return handler != null && handler.isNavigation(context);
		}
		catch (RuntimeException ex) {
			log.debug("Could not classify update {}: {}", context.updateId(), ex.toString());
			return false;
		}
	}
}
