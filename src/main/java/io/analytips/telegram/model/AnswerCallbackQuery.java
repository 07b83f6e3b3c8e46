package io.analytips.telegram.model;

import java.util.Objects;

/** {@code answerCallbackQuery}: stops the client's spinner; {@code showAlert} shows a modal instead of a toast. */
public record AnswerCallbackQuery(String callbackQueryId, String text, Boolean showAlert) {

	/** Telegram's limit on the notification text. */
	public static final int MAX_TEXT = 200;

	public AnswerCallbackQuery {
		Objects.requireNonNull(callbackQueryId, "callbackQueryId");
		if (text != null && text.length() > MAX_TEXT) {
			text = text.substring(0, MAX_TEXT - 1) + "…";
		}
	}
}
