package io.analytips.telegram.model;

import java.util.Objects;

/**
 * A picture already on Telegram's servers ({@code photoFileId}, from an earlier upload), sent with its HTML
 * {@code caption} when chosen.
 */
public record InlineQueryResultCachedPhoto(String id, String photoFileId, String title, String description,
		String caption, String parseMode, InlineKeyboardMarkup replyMarkup) implements InlineQueryResult {

	public InlineQueryResultCachedPhoto {
		InlineQueryResult.checkedId(id);
		Objects.requireNonNull(photoFileId, "photoFileId");
	}
}
