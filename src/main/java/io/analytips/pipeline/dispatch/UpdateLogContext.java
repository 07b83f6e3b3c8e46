package io.analytips.pipeline.dispatch;

import java.util.HashMap;
import java.util.Map;

import io.analytips.common.LogContext;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;

/**
 * The MDC of an update's log lines: {@code bot} (its username), {@code update_id}, {@code chat_id}, {@code user_id} and
 * {@code handler}, carried in the Reactor context and put in the MDC by the log calls that run
 * within the update's handling ({@link LogContext#in}).
 */
final class UpdateLogContext {

	private UpdateLogContext() {
	}

	/** The ids, for the update's {@link io.analytips.common.UpdateScope}. */
	static Map<String, String> ids(UpdateContext update, Handler handler) {
		Map<String, String> mdc = new HashMap<>(8);
		if (!update.bot().username().isEmpty()) {
			mdc.put("bot", update.bot().username());
		}
		mdc.put("update_id", String.valueOf(update.updateId()));
		if (update.chatId() != null) {
			mdc.put("chat_id", String.valueOf(update.chatId()));
		}
		if (update.user() != null) {
			mdc.put("user_id", String.valueOf(update.user().id()));
		}
		mdc.put("handler", handler == null ? "none" : handler.getClass().getSimpleName());
		return mdc;
	}
}
