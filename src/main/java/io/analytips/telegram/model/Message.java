package io.analytips.telegram.model;

import java.util.Comparator;
import java.util.List;

/**
 * A message. {@code from} is absent for channel posts and anonymous group admins;
 * {@code text} is absent for stickers, photos and other non-text messages; {@code photo} (its sizes) only for photos.
 */
public record Message(long messageId, User from, Chat senderChat, Chat chat, long date, String text, String caption,
		Long migrateToChatId, List<PhotoSize> photo) {

	/** A message that is no photo. */
	public Message(long messageId, User from, Chat senderChat, Chat chat, long date, String text, String caption,
			Long migrateToChatId) {
		this(messageId, from, senderChat, chat, date, text, caption, migrateToChatId, null);
	}

	/** The file_id of the photo's largest size (the one to send again); null when this is no photo. */
	public String largestPhoto() {
		return photo == null ? null : photo.stream()
			.max(Comparator.comparingLong(size -> (long) size.width() * size.height()))
			.map(PhotoSize::fileId)
			.orElse(null);
	}
}
