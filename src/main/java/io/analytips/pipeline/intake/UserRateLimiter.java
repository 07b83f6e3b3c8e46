package io.analytips.pipeline.intake;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;
import io.analytips.common.ClockTimeMeter;
import io.analytips.common.Caches;
import io.analytips.common.Clocks;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.SynchronizationStrategy;

/**
 * A token bucket per user (Bucket4j): {@code limit} updates at once, then {@code limit} per {@code window}
 * refilled evenly (one every {@code window / limit}). A person who presses a few buttons in a row after
 * reading is never held back; whoever keeps sending faster than the refill is, and no stretch of one
 * window admits more than {@code 2 × limit}. Refused updates take nothing, so a user who keeps trying is
 * not locked out for longer.
 * <p>
 * A refusal says when to try again, rounded up to a whole second: whoever waits that long is admitted
 * (unless an update admitted meanwhile took the token). It is marked for a notice unless the user is still
 * inside a wait already announced to them: silence only after being told, never instead of it. A user's
 * state is kept only while it differs from a new user's (bucket not full, or an announced wait running),
 * so memory follows the users active in the last few refill periods.
 */
public final class UserRateLimiter {

	/** The verdict on one update. */
	enum Verdict {
		ALLOWED, LIMITED_NOTIFY, LIMITED_SILENT
	}

	/**
	 * A verdict; when limited, how long until the user may send again (whole seconds, at least one); when
	 * allowed, how many more updates the user could send at once.
	 */
	record Decision(Verdict verdict, Duration retryIn, long left) {

		boolean allowed() {
			return verdict == Verdict.ALLOWED;
		}
	}

	private static final long SECOND_NANOS = Duration.ofSeconds(1).toNanos();

	private final Bandwidth bandwidth;

	/** How long one token takes to come back. */
	private final long refillNanos;

	private final Clock clock;

	private final TimeMeter time;

	private final Cache<Long, Allowance> users;

	public UserRateLimiter(int limit, Duration window, Clock clock) {
		if (limit < 1 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("a rate limit needs a positive limit and window: " + limit + " per " + window);
		}
		this.bandwidth = Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build();
		this.refillNanos = ceilDiv(window.toNanos(), limit);
		this.clock = clock;
		this.time = new ClockTimeMeter(clock);
		// Kept while it matters, counting the token the caller that looked it up is about to take, plus a second:
		// after that a new (full, silent) allowance behaves exactly like the old one.
		this.users = Caches.on(clock)
			.expireAfter(Expiry.accessing((Long user, Allowance allowance) -> Duration.ofNanos(
					Math.max(0, allowance.mattersUntil - Clocks.nanos(clock)) + refillNanos + SECOND_NANOS)))
			.build();
	}

	Decision acquire(long userId) {
		Allowance allowance = users.get(userId, id -> new Allowance(Bucket.builder()
			.addLimit(bandwidth)
			.withCustomTimePrecision(time)
			.withSynchronizationStrategy(SynchronizationStrategy.NONE)
			.build()));
		synchronized (allowance) {
			long now = Clocks.nanos(clock);
			ConsumptionProbe probe = allowance.bucket.tryConsumeAndReturnRemaining(1);
			if (probe.isConsumed()) {
				allowance.mattersUntil = Math.max(allowance.toldUntil, now + probe.getNanosToWaitForReset());
				return new Decision(Verdict.ALLOWED, Duration.ZERO, probe.getRemainingTokens());
			}
			long waitNanos = Math.max(1, ceilDiv(probe.getNanosToWaitForRefill(), SECOND_NANOS)) * SECOND_NANOS;
			Duration retryIn = Duration.ofNanos(waitNanos);
			if (now < allowance.toldUntil) {
				return new Decision(Verdict.LIMITED_SILENT, retryIn, 0);
			}
			allowance.toldUntil = now + waitNanos;
			allowance.mattersUntil = Math.max(allowance.mattersUntil, allowance.toldUntil);
			return new Decision(Verdict.LIMITED_NOTIFY, retryIn, 0);
		}
	}

	/** Java 17 has no Math.ceilDiv. */
	private static long ceilDiv(long dividend, long divisor) {
		return -Math.floorDiv(-dividend, divisor);
	}

	/** Users with state held (after evicting those whose bucket is full again and who wait for nothing). */
	long trackedUsers() {
		users.cleanUp();
		return users.estimatedSize();
	}

	/**
	 * One user's bucket (unsynchronised: every use holds the allowance's lock) and the announced wait, as
	 * nanoseconds on the clock: a refusal before {@code toldUntil} is silent.
	 */
	private static final class Allowance {

		final Bucket bucket;

		long toldUntil;

		/** When the bucket is full again and no announced wait runs: from then on the state can be dropped. */
		volatile long mattersUntil;

		Allowance(Bucket bucket) {
			this.bucket = bucket;
		}
	}

}
