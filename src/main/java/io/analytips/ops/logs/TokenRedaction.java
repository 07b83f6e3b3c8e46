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
		if (text == null || text.indexOf(':') < 0) {
			return text;
		}
		return BOT_TOKEN.matcher(text).replaceAll(REPLACEMENT);
	}
}
