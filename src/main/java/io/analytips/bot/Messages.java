package io.analytips.bot;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

import io.analytips.pipeline.UpdateContext;

/**
 * The bot's texts from {@code i18n/messages*.properties}: Portuguese (Brazil) by default, English
 * for {@code en} clients. Both bundles are loaded when the bean is created, never lazily on a
 * Reactor thread (loading reads a file). Keys ending in {@code .html} are HTML; the caller escapes
 * the arguments it passes.
 */
public final class Messages {

	private static final String BASE = "i18n/messages";

	private final ResourceBundle portuguese;

	private final ResourceBundle english;

	private static final int MAX_FORMATS = 4096;

	private final java.util.Map<FormatKey, Prepared> formats = new java.util.concurrent.ConcurrentHashMap<>();

	public Messages() {
		ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
				ResourceBundle.Control.FORMAT_PROPERTIES);
		this.portuguese = ResourceBundle.getBundle(BASE, Locale.ROOT, noFallback);
		this.english = ResourceBundle.getBundle(BASE, Locale.ENGLISH, noFallback);
	}

	/** The text for a key in the locale's language, with {@code {0}}-style arguments filled in. */
	public String get(Locale locale, String key, Object... args) {
		// Parsing the pattern cost more than formatting it: parse once per key and locale, format on a copy
		// (a MessageFormat is not thread-safe), and a text without arguments once (it was a tenth of what an
		// update allocated). Updates come in two locales; the bound is for other callers.
		FormatKey formatKey = new FormatKey(locale, key);
		Prepared prepared = formats.get(formatKey);
		if (prepared == null) {
			prepared = Prepared.of(new MessageFormat(pattern(locale, key), locale));
			if (formats.size() < MAX_FORMATS) {
				formats.putIfAbsent(formatKey, prepared);
			}
		}
		return prepared.constant != null ? prepared.constant : ((MessageFormat) prepared.format.clone()).format(args);
	}

	private String pattern(Locale locale, String key) {
		try {
			return (isEnglish(locale) ? english : portuguese).getString(key);
		}
		catch (MissingResourceException ex) {
			throw new IllegalArgumentException("no message '" + key + "' for " + locale, ex);
		}
	}

	private record FormatKey(Locale locale, String key) {
	}

	/** A parsed pattern, and its text if it takes no arguments (then any arguments given are ignored, as before). */
	private record Prepared(MessageFormat format, String constant) {

		static Prepared of(MessageFormat format) {
			return new Prepared(format, format.getFormatsByArgumentIndex().length == 0 ? format.format(new Object[0]) : null);
		}
	}

	/** Whether the locale's bundle has the key (for texts that exist only for some values, such as league names). */
	public boolean has(Locale locale, String key) {
		return (isEnglish(locale) ? english : portuguese).containsKey(key);
	}

	/** The text for a key in the language of the update's sender. */
	public String get(UpdateContext context, String key, Object... args) {
		return get(context.locale(), key, args);
	}

	/** The keys of a language's bundle (for tests: both bundles must have the same). */
	Set<String> keys(Locale locale) {
		return (isEnglish(locale) ? english : portuguese).keySet();
	}

	private static boolean isEnglish(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}
}
