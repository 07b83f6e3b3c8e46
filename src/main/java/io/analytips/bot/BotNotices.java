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

	@Override
	public String rateLimited(Locale locale, Duration retryIn) {
		return messages.get(locale, "notice.rate.limited", String.valueOf(Math.max(1, retryIn.toSeconds())));
	}

	@Override
	public String failed(Locale locale) {
		return messages.get(locale, "notice.failed");
	}
}
