package io.analytips.telegram.model;

/**
 * The button above inline results that opens the private chat with the bot, sending {@code /start startParameter}
 * (1–64 characters of {@code A-Za-z0-9_-}).
 */
public record InlineQueryResultsButton(String text, String startParameter) {
}
