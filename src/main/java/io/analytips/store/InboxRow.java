package io.analytips.store;

/**
 * A row to insert into {@code inbox}. {@code outcome} is set only for updates finished on arrival
 * (unreadable ones).
 */
public record InboxRow(long updateId, String kind, Long chatId, Long userId, String payload, String outcome,
		String detail) {
}
