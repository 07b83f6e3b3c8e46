package io.analytips.telegram.model;

import java.util.Objects;

/**
 * {@code sendMessage}: text in HTML parse mode (see {@code Html.escape}), link previews off.
 * {@code allowPaidBroadcast}: true lets Telegram send it beyond the free broadcast rate for a fee in Stars; null (left
 * out of the JSON) otherwise. {@code messageThreadId}: the forum topic it goes to; {@code replyParameters}: the
 * message it answers (in groups, so the asker sees which answer is theirs); both null elsewhere.
 */
public record SendMessage(long chatId, String text, String parseMode, InlineKeyboardMarkup replyMarkup,
		LinkPreviewOptions linkPreviewOptions, Boolean allowPaidBroadcast, Integer messageThreadId,
		ReplyParameters replyParameters) {

	public SendMessage {
		Objects.requireNonNull(text, "text");
	}

	/** A message to no topic, answering none. */
	public SendMessage(long chatId, String text, String parseMode, InlineKeyboardMarkup replyMarkup,
			LinkPreviewOptions linkPreviewOptions, Boolean allowPaidBroadcast) {
		this(chatId, text, parseMode, replyMarkup, linkPreviewOptions, allowPaidBroadcast, null, null);
	}

	/** This message in forum topic {@code thread} (null: none), answering {@code reply} (null: nothing). */
	public SendMessage inThread(Integer thread, ReplyParameters reply) {
		return new SendMessage(chatId, text, parseMode, replyMarkup, linkPreviewOptions, allowPaidBroadcast, thread, reply);
	}

	/** An HTML message without link previews. */
	public static SendMessage html(long chatId, String text, InlineKeyboardMarkup keyboard) {
		return new SendMessage(chatId, text, "HTML", keyboard, LinkPreviewOptions.DISABLED, null);
	}

	public SendMessage withText(String newText, InlineKeyboardMarkup keyboard) {
		return new SendMessage(chatId, newText, parseMode, keyboard, linkPreviewOptions, allowPaidBroadcast,
				messageThreadId, replyParameters);
	}

	public SendMessage withChatId(long newChatId) {
		return new SendMessage(newChatId, text, parseMode, replyMarkup, linkPreviewOptions, allowPaidBroadcast,
				messageThreadId, replyParameters);
	}

	/** This message as a paid broadcast ({@code allow_paid_broadcast: true}). */
	public SendMessage asPaidBroadcast() {
		return new SendMessage(chatId, text, parseMode, replyMarkup, linkPreviewOptions, Boolean.TRUE, messageThreadId,
				replyParameters);
	}
}
