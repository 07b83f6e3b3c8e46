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

	/**
	 * A message's request was written {@code sinceCheck} after its lease was last found valid: the window in which a
	 * lease can run out with the message already on its way.
	 */
	default void leaseToWire(Duration sinceCheck) {
	}

	/** Observes nothing. */
	TelegramCalls NONE = (method, status, retryAfter) -> {
	};
}
