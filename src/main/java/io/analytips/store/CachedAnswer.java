package io.analytips.store;

import java.time.Instant;

/** A stored API answer: its body and when it was fetched and goes stale. */
public record CachedAnswer(String key, String body, Instant fetchedAt, Instant expiresAt) {
}
