package io.analytips.telegram.model;

import java.util.Objects;

/**
 * A text result: {@code title} and {@code description} in the list, {@code inputMessageContent} sent when chosen.
 * {@code thumbnailUrl} may be null.
 */
public record InlineQueryResultArticle(String id, String title, InputTextMessageContent inputMessageContent,
		InlineKeyboardMarkup replyMarkup, String description, String thumbnailUrl) implements InlineQueryResult {

	public InlineQueryResultArticle {
		InlineQueryResult.checkedId(id);
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(inputMessageContent, "inputMessageContent");
	}
}
