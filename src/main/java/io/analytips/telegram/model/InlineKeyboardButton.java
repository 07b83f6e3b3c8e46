package io.analytips.telegram.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** An inline keyboard button: either a callback button ({@code callbackData} of 1–64 bytes) or a URL. */
public record InlineKeyboardButton(String text, String callbackData, String url) {

	/** Telegram's limit on {@code callback_data}, in UTF-8 bytes. */
	public static final int MAX_CALLBACK_DATA_BYTES = 64;

	public InlineKeyboardButton {
		Objects.requireNonNull(text, "text");
		if (callbackData != null) {
			int bytes = callbackData.getBytes(StandardCharsets.UTF_8).length;
			if (bytes == 0 || bytes > MAX_CALLBACK_DATA_BYTES) {
				throw new IllegalArgumentException("callback_data must be 1-64 bytes, was " + bytes + ": " + callbackData);
			}
		}
	}

	public static InlineKeyboardButton callback(String text, String data) {
		return new InlineKeyboardButton(text, data, null);
	}

	public static InlineKeyboardButton url(String text, String url) {
		return new InlineKeyboardButton(text, null, url);
	}
}
