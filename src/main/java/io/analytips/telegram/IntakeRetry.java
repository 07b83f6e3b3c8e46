package io.analytips.telegram;

import java.time.Duration;

import io.analytips.common.Backoff;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The retry policy of update intake: a fatal error (the token was rejected) ends it; a 429 waits
 * exactly {@code retry_after}; anything else (409, 5xx, I/O, the store failing) waits with capped
 * exponential backoff and ±10% jitter. Intake never gives up on a transient failure: Telegram keeps
 * unconfirmed updates for 24 hours.
 */
final class IntakeRetry {

	static final Duration FIRST = Duration.ofSeconds(1);

	static final Duration CAP = Duration.ofSeconds(30);

	private static final Backoff BACKOFF = new Backoff(FIRST, CAP, 0.1, 0.1);

	private IntakeRetry() {
	}

	static Retry policy(SourceState state) {
		return Retry.from(signals -> signals.concatMap(signal -> {
			Throwable error = signal.failure();
			if (error instanceof TelegramException ex && ex.isFatal()) {
				return Mono.error(error);
			}
			state.retrying(error);
			Duration wait = error instanceof TelegramException ex && ex.retryAfter() != null ? ex.retryAfter()
					: backoff(signal.totalRetriesInARow());
			return Mono.delay(wait);
		}));
	}

	/** 1 s, 2 s, 4 s, ... up to 30 s, each with up to 10% jitter either way. */
	static Duration backoff(long attempt) {
		return BACKOFF.delay(attempt);
	}
}
