package io.analytips.telegram.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One result of an inline query, written with its {@code type} ({@code article}, {@code photo}). Its {@code id} is
 * at most 64 bytes and unique within one answer.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = InlineQueryResultArticle.class, name = "article"),
		@JsonSubTypes.Type(value = InlineQueryResultCachedPhoto.class, name = "photo") })
public sealed interface InlineQueryResult permits InlineQueryResultArticle, InlineQueryResultCachedPhoto {

	/** Telegram's limit on a result's id, in UTF-8 bytes. */
	int MAX_ID_BYTES = 64;

	String id();

	/** The inline keyboard under the message the result sends, or null. */
	InlineKeyboardMarkup replyMarkup();

	static String checkedId(String id) {
		if (id == null || id.isEmpty() || id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
			throw new IllegalArgumentException("an inline result's id must be 1-64 bytes: " + id);
		}
		return id;
	}
}
