package io.analytips.telegram.model;

import java.util.List;
import java.util.Objects;

/**
 * {@code answerInlineQuery}: at most 50 results; Telegram keeps the answer for {@code cacheTime} seconds, for this
 * user alone when {@code isPersonal}; {@code button} (may be null) opens the private chat with the bot.
 */
public record AnswerInlineQuery(String inlineQueryId, List<InlineQueryResult> results, Integer cacheTime,
		Boolean isPersonal, String nextOffset, InlineQueryResultsButton button) {

	/** Telegram's limit on results per answer. */
	public static final int MAX_RESULTS = 50;

	public AnswerInlineQuery {
		Objects.requireNonNull(inlineQueryId, "inlineQueryId");
		results = List.copyOf(results);
		if (results.size() > MAX_RESULTS) {
			throw new IllegalArgumentException("at most 50 inline results, not " + results.size());
		}
	}
}
