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
 * @param addressee the bot it is addressed to ({@code /tabela@analytips_bot}: {@code analytips_bot}), as typed;
 *        empty when the command names no bot
 */
public record Command(String name, String arguments, String addressee) {

	/** A command that names no bot. */
	public Command(String name, String arguments) {
		this(name, arguments, "");
	}

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
		return new Command(fold(name), text.substring(end).strip(), at >= 0 ? token.substring(at + 1) : "");
	}

	/**
	 * Whether the command is for the bot called {@code username} (without {@code @}): it names no bot, or names
	 * this one (in any case, as Telegram's usernames are). A bot whose username is not known yet ({@code ""}) takes
	 * every command: better than ignoring its own. In a group, {@code /tabela@OtherBot} is another bot's.
	 */
	public boolean isFor(String username) {
		return addressee.isEmpty() || username == null || username.isEmpty() || addressee.equalsIgnoreCase(username);
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
