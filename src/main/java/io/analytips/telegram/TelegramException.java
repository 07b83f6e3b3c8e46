package io.analytips.telegram;

import java.time.Duration;

/**
 * A failed Bot API call, classified once, at the edge (docs/architecture.md, "Guarantees"):
 * <ul>
 * <li>400 bad request: never retried;</li>
 * <li>401 (and 404, which Telegram answers for a malformed token): fatal, the token is wrong;</li>
 * <li>403: the user blocked the bot or left the chat; never retried;</li>
 * <li>409: another poller or a webhook holds the updates: back off;</li>
 * <li>429: wait {@link #retryAfter()} and only then try again;</li>
 * <li>5xx and I/O: transient, retried with backoff; but a request that may have reached
 * Telegram ({@link Kind#TIMEOUT}) is re-sent only when the method is idempotent.</li>
 * </ul>
 */
public final class TelegramException extends RuntimeException {

	/** What went wrong, as far as retrying is concerned. */
	public enum Kind {
		BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, CONFLICT, TOO_MANY_REQUESTS, SERVER_ERROR,
		/** Connecting failed: the request never left, so sending it again is safe. */
		NETWORK,
		/** No answer in time or the connection dropped: the request may have been executed. */
		TIMEOUT
	}

	private final int errorCode;

	private final Kind kind;

	private final Duration retryAfter;

	private final Long migrateToChatId;

	public TelegramException(int errorCode, String description, Duration retryAfter, Long migrateToChatId) {
		super(errorCode + " " + description);
		this.errorCode = errorCode;
		this.kind = kindOf(errorCode);
		this.retryAfter = retryAfter;
		this.migrateToChatId = migrateToChatId;
	}

	private TelegramException(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.errorCode = -1;
		this.kind = kind;
		this.retryAfter = null;
		this.migrateToChatId = null;
	}

	/** A failure below HTTP: {@link Kind#NETWORK} or {@link Kind#TIMEOUT}. */
	public static TelegramException io(Kind kind, String message, Throwable cause) {
		if (kind != Kind.NETWORK && kind != Kind.TIMEOUT) {
			throw new IllegalArgumentException("not an I/O kind: " + kind);
		}
		return new TelegramException(kind, message, cause);
	}

	private static Kind kindOf(int code) {
		return switch (code) {
			case 400 -> Kind.BAD_REQUEST;
			case 401, 404 -> Kind.UNAUTHORIZED;
			case 403 -> Kind.FORBIDDEN;
			case 409 -> Kind.CONFLICT;
			case 429 -> Kind.TOO_MANY_REQUESTS;
			default -> code >= 500 ? Kind.SERVER_ERROR : Kind.BAD_REQUEST;
		};
	}

	/** Telegram's {@code error_code} (the HTTP status), or -1 for I/O failures. */
	public int errorCode() {
		return errorCode;
	}

	public Kind kind() {
		return kind;
	}

	/** {@code parameters.retry_after}, or null. */
	public Duration retryAfter() {
		return retryAfter;
	}

	/** {@code parameters.migrate_to_chat_id}: the group became this supergroup; or null. */
	public Long migrateToChatId() {
		return migrateToChatId;
	}

	/** The token is wrong or revoked: nothing will work until an operator fixes it. */
	public boolean isFatal() {
		return kind == Kind.UNAUTHORIZED;
	}

	/** Whether the same call may succeed later: 409, 429, 5xx and I/O failures. */
	public boolean isRetryable() {
		return switch (kind) {
			case CONFLICT, TOO_MANY_REQUESTS, SERVER_ERROR, NETWORK, TIMEOUT -> true;
			default -> false;
		};
	}

	/** Whether a non-idempotent call (sendMessage) may already have been executed. */
	public boolean mayHaveBeenExecuted() {
		return kind == Kind.TIMEOUT;
	}
}
