package io.analytips.store;

/** An update read back from the inbox. */
public record StoredUpdate(long updateId, String payload) {
}
