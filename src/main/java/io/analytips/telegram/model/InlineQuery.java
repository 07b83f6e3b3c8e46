package io.analytips.telegram.model;

/**
 * What a user typed after the bot's name in any chat ({@code @bot palmeiras}). It belongs to no chat:
 * it is answered once, with {@link AnswerInlineQuery}, within Telegram's time limit, or not at all.
 * {@code chatType} is the kind of chat it was typed in ({@code sender} for the bot's own private chat), may be null.
 */
public record InlineQuery(String id, User from, String query, String offset, String chatType) {
}
