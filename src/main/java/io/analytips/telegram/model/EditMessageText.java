package io.analytips.telegram.model;

import java.util.Objects;

/** {@code editMessageText} of a message the bot sent, in HTML parse mode. */
public record EditMessageText(long chatId, long messageId, String text, String parseMode,
		InlineKeyboardMarkup replyMarkup, LinkPreviewOptions linkPreviewOptions) {

	public EditMessageText {
		Objects.requireNonNull(text, "text");
	}

	public static EditMessageText html(long chatId, long messageId, String text, InlineKeyboardMarkup keyboard) {
		return new EditMessageText(chatId, messageId, text, "HTML", keyboard, LinkPreviewOptions.DISABLED);
	}

	public EditMessageText withChatId(long newChatId) {
		return new EditMessageText(newChatId, messageId, text, parseMode, replyMarkup, linkPreviewOptions);
	}
}
