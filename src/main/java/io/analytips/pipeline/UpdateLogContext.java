package io.analytips.pipeline;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import reactor.util.context.Context;

/**
 * The MDC of an update's log lines: {@code update_id}, {@code chat_id}, {@code user_id} and
 * {@code handler}, carried in the Reactor context and restored on whatever thread logs (Reactor's
 * automatic context propagation, {@code spring.reactor.context-propagation=auto}). Without it (tests
 * without Spring) lines simply have no MDC.
 */
final class UpdateLogContext {

	static final String[] KEYS = { "update_id", "chat_id", "user_id", "handler" };

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(KEYS));
	}

	private UpdateLogContext() {
	}

	/** The context to write around an update's handling. */
	static Context of(UpdateContext update, Handler handler) {
		Map<String, String> mdc = new HashMap<>();
		mdc.put("update_id", String.valueOf(update.updateId()));
		if (update.chatId() != null) {
			mdc.put("chat_id", String.valueOf(update.chatId()));
		}
		if (update.user() != null) {
			mdc.put("user_id", String.valueOf(update.user().id()));
		}
		mdc.put("handler", handler == null ? "none" : handler.getClass().getSimpleName());
		return Context.of(Slf4jThreadLocalAccessor.KEY, mdc);
	}
}
