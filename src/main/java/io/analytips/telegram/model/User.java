package io.analytips.telegram.model;

/** A Telegram user or bot. Only the fields the bot reads; unknown fields are ignored. */
public record User(long id, boolean isBot, String firstName, String lastName, String username, String languageCode) {
}
