package io.analytips.pipeline;

import java.time.Clock;
import java.time.Duration;

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

	private final Cache<Long, Times> accepted;

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
		Times times = accepted.get(userId, id -> new Times());
		synchronized (times) {
			times.dropUpTo(now - windowMillis);
			if (times.size < limit) {
				times.add(now);
				return ALLOWED;
			}
			Duration retryIn = Duration.ofMillis(times.first() + windowMillis - now);
			return new Decision(notices.tryAcquire(userId) ? Verdict.LIMITED_NOTIFY : Verdict.LIMITED_SILENT, retryIn);
		}
	}

	private static final Decision ALLOWED = new Decision(Verdict.ALLOWED, Duration.ZERO);

	/**
	 * A user's accepted times, oldest first, as a ring of primitives that starts with room for one and grows
	 * to the limit: every user active in the last window has one, so its size is the limiter's memory (a
	 * deque of boxed times took three times as much).
	 */
	private static final class Times {

		private long[] ring = new long[1];

		private int head;

		private int size;

		long first() {
			return ring[head];
		}

		void dropUpTo(long cutoff) {
			while (size > 0 && ring[head] <= cutoff) {
				head = (head + 1) % ring.length;
				size--;
			}
		}

		void add(long time) {
			if (size == ring.length) {
				long[] grown = new long[ring.length * 2];
				for (int i = 0; i < size; i++) {
					grown[i] = ring[(head + i) % ring.length];
				}
				ring = grown;
				head = 0;
			}
			ring[(head + size) % ring.length] = time;
			size++;
		}
	}

	/** Users with state held (after evicting the idle ones). */
	long trackedUsers() {
		accepted.cleanUp();
		return accepted.estimatedSize();
	}
}
