package io.analytips.store;

/**
 * An admin action to record: who ({@code actor}: a Telegram user id, or the admin API's client),
 * through which {@code channel} ({@code telegram} or {@code http}), what ({@code action} on
 * {@code target}, which may be null) and how it ended ({@code result}: {@code allowed},
 * {@code refused} or {@code failed}).
 */
public record AuditEvent(String channel, String actor, String action, String target, String result) {

	public static final String ALLOWED = "allowed";

	public static final String REFUSED = "refused";

	public AuditEvent {
		if (channel == null || actor == null || action == null || result == null) {
			throw new IllegalArgumentException("channel, actor, action and result are required");
		}
	}

	public static AuditEvent telegram(long userId, String action, String target, boolean allowed) {
		return new AuditEvent("telegram", String.valueOf(userId), action, target, allowed ? ALLOWED : REFUSED);
	}

	public static AuditEvent http(String client, String action, String target, boolean allowed) {
		return new AuditEvent("http", client, action, target, allowed ? ALLOWED : REFUSED);
	}
}
