package io.analytips.store;

/** A user seen in an update: upserted into {@code users}. */
public record UserSeen(long userId, String language, String username) {
}
