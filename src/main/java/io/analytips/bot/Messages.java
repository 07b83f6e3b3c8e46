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

	private final java.util.Map<FormatKey, MessageFormat> formats = new java.util.concurrent.ConcurrentHashMap<>();

	public Messages() {
		ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
				ResourceBundle.Control.FORMAT_PROPERTIES);
		this.portuguese = ResourceBundle.getBundle(BASE, Locale.ROOT, noFallback);
		this.english = ResourceBundle.getBundle(BASE, Locale.ENGLISH, noFallback);
	}

	/** The text for a key in the locale's language, with {@code {0}}-style arguments filled in. */
	public String get(Locale locale, String key, Object... args) {
		ResourceBundle bundle = isEnglish(locale) ? english : portuguese;
		String pattern;
		try {
			pattern = bundle.getString(key);
		}
		catch (MissingResourceException ex) {
			throw new IllegalArgumentException("no message '" + key + "' for " + locale, ex);
		}
		// Parsing the pattern cost more than formatting it: parse once per key and locale, format on a copy
		// (a MessageFormat is not thread-safe). Updates come in two locales; the bound is for other callers.
		FormatKey formatKey = new FormatKey(locale, key);
		MessageFormat parsed = formats.get(formatKey);
		if (parsed == null) {
			parsed = new MessageFormat(pattern, locale);
			if (formats.size() < MAX_FORMATS) {
				formats.putIfAbsent(formatKey, parsed);
			}
		}
		return ((MessageFormat) parsed.clone()).format(args);
	}

	private record FormatKey(Locale locale, String key) {
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
