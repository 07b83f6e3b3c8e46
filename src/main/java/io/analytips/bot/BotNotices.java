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

	/** The wait in whole seconds, rounded up (whoever waits what was said must be let in), in the singular for one. */
	@Override
	public String rateLimited(Locale locale, Duration retryIn) {
		long whole = retryIn.toSeconds();
		long seconds = Math.max(1, retryIn.equals(Duration.ofSeconds(whole)) ? whole : whole + 1);
		return seconds == 1 ? messages.get(locale, "notice.rate.limited.one")
				: messages.get(locale, "notice.rate.limited", String.valueOf(seconds));
	}

	@Override
	public String failed(Locale locale) {
		return messages.get(locale, "notice.failed");
	}

	@Override
	public String tryAgain(Locale locale) {
		return messages.get(locale, "notice.try.again");
	}

	@Override
	public Locale localeOf(UpdateContext context) {
		return preferences.localeIfKnown(context);
	}
}
