package io.analytips.telegram.model;

/**
 * A message. {@code from} is absent for channel posts and anonymous group admins;
 * {@code text} is absent for stickers, photos and other non-text messages.
 */
public record Message(long messageId, User from, Chat senderChat, Chat chat, long date, String text, String caption,
		Long migrateToChatId) {
}
