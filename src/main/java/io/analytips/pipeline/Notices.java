package io.analytips.pipeline;

import java.time.Duration;
import java.util.Locale;

/**
 * The texts the pipeline itself sends, in the user's language, as plain text (the pipeline
 * escapes them for messages and uses them as they are in callback alerts). Implemented
 * by the bot, which owns the message bundles.
 */
public interface Notices {

	/** The reply to an update rejected because the buffer is full. */
	String overloaded(Locale locale);

	/**
	 * The notice to a user over the per-user rate limit; {@code retryIn} is whole seconds (at least one), and
	 * waiting that long is enough.
	 */
	String rateLimited(Locale locale, Duration retryIn);

	/** The short reply when a handler failed or timed out. */
	String failed(Locale locale);

	/**
	 * The label of the button an inline query gets instead of results when it cannot be answered (rate limited,
	 * failed, overloaded): short, it opens the private chat. By default {@link #failed}.
	 */
	default String tryAgain(Locale locale) {
		return failed(locale);
	}

	/**
	 * The language to tell this update's sender in: by default their Telegram client's ({@link UpdateContext#locale()});
	 * the bot answers with the one the user chose, when it knows it without waiting (synchronous and cheap: it runs
	 * on intake's path).
	 */
	default Locale localeOf(UpdateContext context) {
		return context.locale();
	}
}
