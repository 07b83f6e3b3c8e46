package io.analytips.store;

/** How far an update's first message got ({@link StoredUpdate#SENDING}, {@link StoredUpdate#SENT}). */
public record InboxSendMark(long updateId, int progress) {
}
