package io.analytips.pipeline;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A bot command parsed from a message: {@code /name@bot arguments}.
 *
 * @param name the command without slash or bot name, lower case and without accents ({@code /Próximos} is
 *        {@code proximos}: people type commands the way they spell the word)
 * @param arguments the rest of the text, trimmed (may be empty)
 */
public record Command(String name, String arguments) {

	/** Commands longer than Telegram allows (32) are not commands. */
	private static final int MAX_NAME = 32;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** Parses a message text; null when it is not a command. */
	public static Command parse(String text) {
		if (text == null || text.length() < 2 || text.charAt(0) != '/') {
			return null;
		}
		int end = 1;
		while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
			end++;
		}
		String token = text.substring(1, end);
		int at = token.indexOf('@');
		String name = at >= 0 ? token.substring(0, at) : token;
		if (name.isEmpty() || name.length() > MAX_NAME) {
			return null;
		}
		return new Command(fold(name), text.substring(end).strip());
	}

	/** Lower case, accents dropped: {@code Próximos} → {@code proximos}. */
	private static String fold(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		for (int i = 0; i < lower.length(); i++) {
			if (lower.charAt(i) > 0x7f) {
				return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
			}
		}
		return lower; // nearly every command: no need to normalise
	}
}
