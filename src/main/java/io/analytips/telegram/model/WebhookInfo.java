package io.analytips.telegram.model;

import java.util.List;

/** {@code getWebhookInfo}: the registered URL and what Telegram still holds for it. */
public record WebhookInfo(String url, int pendingUpdateCount, Long lastErrorDate, String lastErrorMessage,
		Integer maxConnections, List<String> allowedUpdates) {
}
