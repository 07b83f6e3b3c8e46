package io.analytips.ops.logs;

import java.util.regex.Pattern;

/**
 * Cuts bot tokens out of text bound for a log. The token is part of every Bot API URL
 * ({@code /bot123456:AA…/getUpdates}), and HTTP clients print URLs at DEBUG; so every line is
 * cleaned on its way out, whoever wrote it.
 */
final class TokenRedaction {

	/** A Telegram bot token: the bot's numeric id, a colon, 35 URL-safe characters (30+ to be safe). */
	static final Pattern BOT_TOKEN = Pattern.compile("\\d{5,}:[A-Za-z0-9_-]{30,}");

	static final String REPLACEMENT = "<bot-token>";

	private TokenRedaction() {
	}

	static String redact(String text) {
		if (text == null || !mayHoldToken(text)) {
			return text;
		}
		return BOT_TOKEN.matcher(text).replaceAll(REPLACEMENT);
	}

	/**
	 * Whether some colon has five digits before it and thirty token characters after it: a scan that
	 * costs a fraction of the regular expression, which then runs only on the rare line that may hold
	 * a token (every JSON line has colons; running it on each took 3% of the CPU under load).
	 */
	static boolean mayHoldToken(String text) {
		for (int colon = text.indexOf(':', 5); colon >= 0; colon = text.indexOf(':', colon + 1)) {
			if (digitsBefore(text, colon) && tokenCharsAfter(text, colon)) {
				return true;
			}
		}
		return false;
	}

	private static boolean digitsBefore(String text, int colon) {
		for (int i = colon - 5; i < colon; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean tokenCharsAfter(String text, int colon) {
		if (colon + 30 >= text.length()) {
			return false;
		}
		for (int i = colon + 1; i <= colon + 30; i++) {
			char c = text.charAt(i);
			boolean tokenChar = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '-';
			if (!tokenChar) {
				return false;
			}
		}
		return true;
	}
}
