package io.analytips.store;

/**
 * A user seen in an update: upserted into {@code users}.
 *
 * @param bot Telegram's id of the bot the update came to (users are per bot)
 */
public record UserSeen(long bot, long userId, String language, String username) {
}
