package io.analytips.telegram;

import java.time.Duration;

/**
 * Observes every Bot API call as it ends (for metrics): the method, the status ({@code "200"},
 * Telegram's {@code error_code} such as {@code "429"}, or {@code "network"} / {@code "timeout"} when
 * no answer came) and, on a 429, the {@code retry_after} Telegram asked for. Called on the thread
 * that saw the answer; implementations must not block.
 */
@FunctionalInterface
public interface TelegramCalls {

	void ended(String method, String status, Duration retryAfter);

	/** Observes nothing. */
	TelegramCalls NONE = (method, status, retryAfter) -> {
	};
}
