package io.analytips.telegram.model;

import java.util.Objects;

/**
 * {@code sendMessage}: text in HTML parse mode (see {@code Html.escape}), link previews off.
 * {@code allowPaidBroadcast}: true lets Telegram send it beyond the free broadcast rate for a fee in Stars; null (left
 * out of the JSON) otherwise.
 */
public record SendMessage(long chatId, String text, String parseMode, InlineKeyboardMarkup replyMarkup,
		LinkPreviewOptions linkPreviewOptions, Boolean allowPaidBroadcast) {

	public SendMessage {
		Objects.requireNonNull(text, "text");
	}

	/** An HTML message without link previews. */
	public static SendMessage html(long chatId, String text, InlineKeyboardMarkup keyboard) {
		return new SendMessage(chatId, text, "HTML", keyboard, LinkPreviewOptions.DISABLED, null);
	}

	public SendMessage withText(String newText, InlineKeyboardMarkup keyboard) {
		return new SendMessage(chatId, newText, parseMode, keyboard, linkPreviewOptions, allowPaidBroadcast);
	}

	public SendMessage withChatId(long newChatId) {
		return new SendMessage(newChatId, text, parseMode, replyMarkup, linkPreviewOptions, allowPaidBroadcast);
	}

	/** This message as a paid broadcast ({@code allow_paid_broadcast: true}). */
	public SendMessage asPaidBroadcast() {
		return new SendMessage(chatId, text, parseMode, replyMarkup, linkPreviewOptions, Boolean.TRUE);
	}
}
