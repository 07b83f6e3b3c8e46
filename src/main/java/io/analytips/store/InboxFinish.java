package io.analytips.store;

/** The outcome to record for an update. */
public record InboxFinish(long updateId, String outcome, String detail) {
}
