package io.analytips.telegram.model;

import java.util.Comparator;
import java.util.List;

/**
 * A message. {@code from} is absent for channel posts and anonymous group admins;
 * {@code text} is absent for stickers, photos and other non-text messages; {@code photo} (its sizes) only for photos.
 * {@code messageThreadId} is the topic of a forum supergroup ({@code isTopicMessage} true) or the thread a reply
 * belongs to; null in private chats.
 */
public record Message(long messageId, User from, Chat senderChat, Chat chat, long date, String text, String caption,
		Long migrateToChatId, Integer messageThreadId, Boolean isTopicMessage, List<PhotoSize> photo) {

	/** A message outside any topic, no photo. */
	public Message(long messageId, User from, Chat senderChat, Chat chat, long date, String text, String caption,
			Long migrateToChatId) {
		this(messageId, from, senderChat, chat, date, text, caption, migrateToChatId, null, null, null);
	}

	/** A message in a thread or forum topic, no photo. */
	public Message(long messageId, User from, Chat senderChat, Chat chat, long date, String text, String caption,
			Long migrateToChatId, Integer messageThreadId, Boolean isTopicMessage) {
		this(messageId, from, senderChat, chat, date, text, caption, migrateToChatId, messageThreadId, isTopicMessage,
				null);
	}

	/** A photo outside any topic. */
	public Message(long messageId, User from, Chat senderChat, Chat chat, long date, String text, String caption,
			Long migrateToChatId, List<PhotoSize> photo) {
		this(messageId, from, senderChat, chat, date, text, caption, migrateToChatId, null, null, photo);
	}

	/** The forum topic this message is in, or null: where an answer to it must go too. */
	public Integer topic() {
		return Boolean.TRUE.equals(isTopicMessage) ? messageThreadId : null;
	}

	/** The file_id of the photo's largest size (the one to send again); null when this is no photo. */
	public String largestPhoto() {
		return photo == null ? null : photo.stream()
			.max(Comparator.comparingLong(size -> (long) size.width() * size.height()))
			.map(PhotoSize::fileId)
			.orElse(null);
	}
}
