package io.analytips.telegram.model;

import java.util.Objects;

/**
 * {@code sendPhoto}: a PNG uploaded as multipart form data ({@link #upload}), or a photo Telegram already holds,
 * by its {@code file_id} ({@link #again}); the caption in HTML (at most 1 024 characters), with its buttons. In a
 * group, {@code messageThreadId} (a forum topic) and {@code replyParameters} (the asking message) as for
 * {@link SendMessage}; null elsewhere.
 */
public record SendPhoto(long chatId, String fileId, byte[] content, String fileName, String caption,
		InlineKeyboardMarkup replyMarkup, Integer messageThreadId, ReplyParameters replyParameters) {

	/** Telegram's limit on a caption. */
	public static final int MAX_CAPTION = 1024;

	public SendPhoto {
		if ((fileId == null) == (content == null)) {
			throw new IllegalArgumentException("a photo is either uploaded or sent by file_id, not both nor neither");
		}
		Objects.requireNonNull(caption, "caption");
		if (caption.length() > MAX_CAPTION) {
			throw new IllegalArgumentException("a caption holds at most " + MAX_CAPTION + " characters: " + caption.length());
		}
		if (content != null) {
			Objects.requireNonNull(fileName, "fileName");
		}
	}

	public SendPhoto(long chatId, String fileId, byte[] content, String fileName, String caption,
			InlineKeyboardMarkup replyMarkup) {
		this(chatId, fileId, content, fileName, caption, replyMarkup, null, null);
	}

	public static SendPhoto upload(long chatId, byte[] png, String fileName, String caption, InlineKeyboardMarkup keyboard) {
		return new SendPhoto(chatId, null, png, fileName, caption, keyboard);
	}

	public static SendPhoto again(long chatId, String fileId, String caption, InlineKeyboardMarkup keyboard) {
		return new SendPhoto(chatId, fileId, null, null, caption, keyboard);
	}

	public SendPhoto withChatId(long newChatId) {
		return new SendPhoto(newChatId, fileId, content, fileName, caption, replyMarkup, messageThreadId, replyParameters);
	}

	/** This photo in a forum topic ({@code thread}, may be null) as an answer to {@code reply} (may be null). */
	public SendPhoto inThread(Integer thread, ReplyParameters reply) {
		return new SendPhoto(chatId, fileId, content, fileName, caption, replyMarkup, thread, reply);
	}
}
