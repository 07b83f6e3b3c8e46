package io.analytips.host;

import io.analytips.common.BotToken;
import io.analytips.telegram.model.User;

/**
 * What Telegram said of one token at start: the bot it belongs to, or why it was refused.
 *
 * @param position the token's place in {@code TELEGRAM_BOT_TOKENS}, from 1
 * @param token the token, or null when the text was not shaped as one
 * @param bot who Telegram says the bot is, or null
 * @param error why not, or null
 */
public record TokenCheck(int position, BotToken token, User bot, Throwable error) {

	public boolean valid() {
		return bot != null;
	}

	/** Whether it failed for a reason other than Telegram's answer, a malformed token or a timeout: a bug, worth its trace. */
	public boolean unexpected() {
		return error != null && !(error instanceof io.analytips.telegram.TelegramException)
				&& !(error instanceof IllegalArgumentException) && !(error instanceof java.util.concurrent.TimeoutException);
	}

	/** The token's refusal as one line that names it without its secret. */
	public String describe() {
		String which = "token " + position + (token == null ? "" : " (" + token + ")");
		if (valid()) {
			return which + ": @" + bot.username();
		}
		return which + " is invalid: " + (error == null ? "not checked" : error.getMessage());
	}
}
