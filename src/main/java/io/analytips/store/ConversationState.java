package io.analytips.store;

import java.time.Instant;

/** Where a user is in a multi-step conversation, until {@code expiresAt}. */
public record ConversationState(long userId, String state, String data, Instant expiresAt) {
}
