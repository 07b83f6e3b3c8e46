package io.analytips.bot;

import java.time.Duration;
import java.util.Locale;

import io.analytips.pipeline.Notices;

/** The pipeline's notices, from the message bundles. */
final class BotNotices implements Notices {

	private final Messages messages;

	BotNotices(Messages messages) {
		this.messages = messages;
	}

	@Override
	public String overloaded(Locale locale) {
		return messages.get(locale, "notice.overloaded");
	}

	/** The wait in whole seconds, rounded up (whoever waits what was said must be let in), in the singular for one. */
	@Override
	public String rateLimited(Locale locale, Duration retryIn) {
		long whole = retryIn.toSeconds();
		long seconds = Math.max(1, retryIn.equals(Duration.ofSeconds(whole)) ? whole : whole + 1);
		return seconds == 1 ? messages.get(locale, "notice.rate.limited.one")
				: messages.get(locale, "notice.rate.limited", seconds);
	}

	@Override
	public String failed(Locale locale) {
		return messages.get(locale, "notice.failed");
	}
}
