package io.analytips.telegram.model;

/**
 * A message. {@code from} is absent for channel posts and anonymous group admins;
 * {@code text} is absent for stickers, photos and other non-text messages. {@code messageThreadId} is the topic of a
 * forum supergroup ({@code isTopicMessage} true) or the thread a reply belongs to; null in private chats.
 */
public record Message(long messageId, User from, Chat senderChat, Chat chat, long date, String text, String caption,
		Long migrateToChatId, Integer messageThreadId, Boolean isTopicMessage) {

	/** A message outside any topic. */
	public Message(long messageId, User from, Chat senderChat, Chat chat, long date, String text, String caption,
			Long migrateToChatId) {
		this(messageId, from, senderChat, chat, date, text, caption, migrateToChatId, null, null);
	}

	/** The forum topic this message is in, or null: where an answer to it must go too. */
	public Integer topic() {
		return Boolean.TRUE.equals(isTopicMessage) ? messageThreadId : null;
	}
}
