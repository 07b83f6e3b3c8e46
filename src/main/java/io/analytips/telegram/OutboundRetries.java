package io.analytips.telegram;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.analytips.common.Backoff;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * What an outbound call does after a failure, by its class:
 * <ul>
 * <li>429 pauses the scope that was limited (the chat; everything when several chats are limited at once) for the
 * whole {@code retry_after}, then sends again, up to {@value #MAX_THROTTLED_RETRIES} times;</li>
 * <li>5xx and connection failures retry with backoff (1, 2, 4 s); a timeout (the request may have been executed)
 * only for idempotent calls;</li>
 * <li>400 is never retried, except a group migration, which is re-sent to the new chat id;</li>
 * <li>403 reports the chat as blocked, 401 reports the token as revoked.</li>
 * </ul>
 */
final class OutboundRetries {

	static final int MAX_THROTTLED_RETRIES = 10;

	static final int MAX_TRANSIENT_RETRIES = 3;

	/** 1, 2, 4 s (the most a call retries), each up to 10% later, never earlier. */
	private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(32), 0, 0.1);

	private final FloodControl flood;

	private final OutboundListener listener;

	private final AtomicLong throttled = new AtomicLong();

	OutboundRetries(FloodControl flood, OutboundListener listener) {
		this.flood = flood;
		this.listener = listener;
	}

	/** The retry policy of one call to {@code chat}. */
	Retry policy(ChatRef chat, boolean idempotent) {
		return Retry.from(signals -> signals.concatMap(signal -> delay(signal, chat, idempotent)));
	}

	/** 429s answered so far. */
	long throttled() {
		return throttled.get();
	}

	private Mono<?> delay(Retry.RetrySignal signal, ChatRef chat, boolean idempotent) {
		if (!(signal.failure() instanceof TelegramException ex)) {
			return Mono.error(signal.failure());
		}
		long attempt = signal.totalRetries();
		switch (ex.kind()) {
			case TOO_MANY_REQUESTS -> {
				throttled.incrementAndGet();
				flood.pause(chat.id, ex.retryAfter() != null ? ex.retryAfter() : Duration.ofSeconds(1));
				// The pause is waited for in awaitTurn, so nothing is re-sent before retry_after.
				return attempt < MAX_THROTTLED_RETRIES ? Mono.just(attempt) : Mono.error(ex);
			}
			case BAD_REQUEST -> {
				if (ex.migrateToChatId() != null && chat.id != null && attempt == 0) {
					listener.chatMigrated(chat.id, ex.migrateToChatId());
					chat.id = ex.migrateToChatId();
					return Mono.just(attempt);
				}
				return Mono.error(ex);
			}
			case SERVER_ERROR, NETWORK, TIMEOUT -> {
				boolean safe = ex.kind() != TelegramException.Kind.TIMEOUT || idempotent;
				if (!safe || signal.totalRetriesInARow() >= MAX_TRANSIENT_RETRIES) {
					return Mono.error(ex);
				}
				return Mono.delay(BACKOFF.delay(signal.totalRetriesInARow()));
			}
			case FORBIDDEN -> {
				if (chat.id != null) {
					listener.chatBlocked(chat.id);
				}
				return Mono.error(ex);
			}
			case UNAUTHORIZED -> {
				listener.unauthorized(ex);
				return Mono.error(ex);
			}
			default -> {
				return Mono.error(ex);
			}
		}
	}
}
