package io.analytips.bot;

import java.time.Duration;
import java.util.Locale;

import io.analytips.pipeline.Notices;
import io.analytips.pipeline.UpdateContext;

/** The pipeline's notices, from the message bundles, in the language the user chose when the bot knows it. */
final class BotNotices implements Notices {

	private final Messages messages;

	private final Preferences preferences;

	BotNotices(Messages messages, Preferences preferences) {
		this.messages = messages;
		this.preferences = preferences;
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

	@Override
	public Locale localeOf(UpdateContext context) {
		return preferences.localeIfKnown(context);
	}
}
