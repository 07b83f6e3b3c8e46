package io.analytips.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import com.github.benmanes.caffeine.cache.Cache;
import io.analytips.common.Caches;
import io.analytips.common.OncePerPeriod;

/**
 * A sliding-window limit per user: at most {@code limit} accepted updates in any {@code window}.
 * Only accepted updates count, so a user who keeps trying is not locked out for longer. The first
 * refusal in a window is marked for a notice, later ones are silent. A user's state is evicted
 * once idle for a window, so memory is bounded by the users active in the last window.
 * (A sliding log, hand-written: Resilience4j and Bucket4j offer fixed windows and token buckets,
 * which let through more than {@code limit} updates across a window boundary.)
 */
final class UserRateLimiter {

	/** The verdict on one update. */
	enum Verdict {
		ALLOWED, LIMITED_NOTIFY, LIMITED_SILENT
	}

	/** A verdict and, when limited, how long until the user may send again. */
	record Decision(Verdict verdict, Duration retryIn) {

		boolean allowed() {
			return verdict == Verdict.ALLOWED;
		}
	}

	private final int limit;

	private final long windowMillis;

	private final Clock clock;

	private final Cache<Long, Deque<Long>> accepted;

	private final OncePerPeriod<Long> notices;

	UserRateLimiter(int limit, Duration window, Clock clock) {
		this.limit = limit;
		this.windowMillis = window.toMillis();
		this.clock = clock;
		this.accepted = Caches.on(clock)
			.expireAfterAccess(window)
			.build();
		this.notices = new OncePerPeriod<>(window, clock);
	}

	Decision acquire(long userId) {
		long now = clock.millis();
		Deque<Long> times = accepted.get(userId, id -> new ArrayDeque<>(limit));
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
				times.pollFirst();
			}
			if (times.size() < limit) {
				times.addLast(now);
				return new Decision(Verdict.ALLOWED, Duration.ZERO);
			}
			Duration retryIn = Duration.ofMillis(times.peekFirst() + windowMillis - now);
			return new Decision(notices.tryAcquire(userId) ? Verdict.LIMITED_NOTIFY : Verdict.LIMITED_SILENT, retryIn);
		}
	}

	/** Users with state held (after evicting the idle ones). */
	long trackedUsers() {
		accepted.cleanUp();
		return accepted.estimatedSize();
	}
}
