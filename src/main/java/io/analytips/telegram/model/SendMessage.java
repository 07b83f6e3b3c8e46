package io.analytips.telegram.model;

import java.util.Objects;

/** {@code sendMessage}: text in HTML parse mode (see {@code Html.escape}), link previews off. */
public record SendMessage(long chatId, String text, String parseMode, InlineKeyboardMarkup replyMarkup,
		LinkPreviewOptions linkPreviewOptions) {

	public SendMessage {
		Objects.requireNonNull(text, "text");
	}

	/** An HTML message without link previews. */
	public static SendMessage html(long chatId, String text, InlineKeyboardMarkup keyboard) {
		return new SendMessage(chatId, text, "HTML", keyboard, LinkPreviewOptions.DISABLED);
	}

	public SendMessage withText(String newText, InlineKeyboardMarkup keyboard) {
		return new SendMessage(chatId, newText, parseMode, keyboard, linkPreviewOptions);
	}

	public SendMessage withChatId(long newChatId) {
		return new SendMessage(newChatId, text, parseMode, replyMarkup, linkPreviewOptions);
	}
}
