package io.analytips.telegram.model;

import java.util.List;

/** {@code setWebhook}: Telegram echoes {@code secretToken} in {@code X-Telegram-Bot-Api-Secret-Token}. */
public record SetWebhook(String url, String secretToken, List<String> allowedUpdates, Integer maxConnections,
		Boolean dropPendingUpdates) {
}
