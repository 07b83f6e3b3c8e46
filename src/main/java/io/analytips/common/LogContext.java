package io.analytips.common;

import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.MDC;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The ids an update's log lines carry ({@code update_id}, {@code chat_id}, {@code user_id},
 * {@code handler}): kept in the Reactor context and put in the MDC only around a log call that asks
 * for them ({@link #in}), then put back as they were. Restoring them on every operator hop instead
 * (Reactor's automatic context propagation) took a third of the bot's CPU under load.
 */
public final class LogContext {

	private static final Object KEY = LogContext.class;

	private LogContext() {
	}

	/** A context carrying these MDC entries (null values are left out of the MDC). */
	public static Context of(Map<String, String> ids) {
		return Context.of(KEY, Map.copyOf(ids));
	}

	/** Runs {@code logging} with the ids of {@code context} in the MDC (nothing added if it has none). */
	public static void in(ContextView context, Runnable logging) {
		in(context, () -> {
			logging.run();
			return null;
		});
	}

	/** Calls {@code logging} with the ids of {@code context} in the MDC; returns what it returns. */
	public static <T> T in(ContextView context, Supplier<T> logging) {
		Map<String, String> ids = context.getOrDefault(KEY, null);
		if (ids == null) {
			UpdateScope scope = UpdateScope.in(context);
			ids = scope == null ? Map.of() : scope.logIds();
		}
		if (ids.isEmpty()) {
			return logging.get();
		}
		String[] keys = ids.keySet().toArray(String[]::new);
		String[] previous = new String[keys.length];
		for (int i = 0; i < keys.length; i++) {
			previous[i] = MDC.get(keys[i]);
			MDC.put(keys[i], ids.get(keys[i]));
		}
		try {
			return logging.get();
		}
		finally {
			for (int i = 0; i < keys.length; i++) {
				if (previous[i] == null) {
					MDC.remove(keys[i]);
				}
				else {
					MDC.put(keys[i], previous[i]);
				}
			}
		}
	}
}
