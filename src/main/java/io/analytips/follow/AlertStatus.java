package io.analytips.follow;

import java.util.Map;

/**
 * Where following stands, for the operators' status: chats that follow something (and how many of them can be
 * reached), and the alerts by state ({@code pending}, {@code sending}, {@code sent}, {@code dropped}, {@code failed},
 * {@code cancelled}).
 */
public record AlertStatus(long followers, long reachable, Map<String, Long> alerts) {

	public AlertStatus {
		alerts = Map.copyOf(alerts);
	}

	/** The alerts in {@code state}, 0 if none. */
	public long alerts(String state) {
		return alerts.getOrDefault(state, 0L);
	}
}
