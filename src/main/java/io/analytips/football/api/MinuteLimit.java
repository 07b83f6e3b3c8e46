package io.analytips.football.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.analytips.common.Clocks;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import reactor.core.publisher.Mono;

/**
 * The plan's per-minute limit, enforced client-side with Resilience4j's {@link AtomicRateLimiter} (its
 * metrics are published as usual) but waited for reactively: a caller polls for a permit at the start of
 * the next minute instead of reserving one in advance. Resilience4j's own reactive operator reserves the
 * permit and then subscribes after a detached delay, so a caller that gave up (its deadline passed, its
 * user left) still spent a permit, and its request was sent anyway. Here a cancelled wait holds nothing
 * and sends nothing. The limiter runs on the injected clock, so tests drive it in virtual time.
 * <p>
 * Background calls ({@link QuotaPlanner#background}) leave a fifth of each minute's permits (at least
 * one) to users: they wait for the next minute rather than take the last ones.
 */
final class MinuteLimit {

	private static final Duration PERIOD = Duration.ofMinutes(1);

	/** The shortest pause between two tries, so that a clock that has not moved cannot spin. */
	private static final Duration MIN_PAUSE = Duration.ofMillis(1);

	private final AtomicRateLimiter limiter;

	private final ClockNanos nanos;

	private final Clock clock;

	private final int headroom;

	MinuteLimit(String name, int perMinute, Clock clock) {
		this.clock = clock;
		this.nanos = new ClockNanos(clock);
		// A zero timeout: acquirePermission never parks a thread and reserves nothing it cannot take now.
		this.limiter = new AtomicRateLimiter(name, RateLimiterConfig.custom()
			.limitForPeriod(perMinute)
			.limitRefreshPeriod(PERIOD)
			.timeoutDuration(Duration.ZERO)
			.build(), nanos);
		this.headroom = Math.max(1, perMinute / 5);
	}

	AtomicRateLimiter limiter() {
		return limiter;
	}

	/**
	 * Completes once a permit is taken; errors with {@link ApiFootballException.Kind#BUSY} at once when
	 * the next permit would come after {@code deadline}. Cancelling it leaves no permit taken.
	 */
	Mono<Void> permit(Instant deadline, boolean background) {
		return Mono.defer(() -> {
			Duration wait;
			if (background && limiter.getMetrics().getAvailablePermissions() <= headroom) {
				wait = untilNextMinute();
			}
			else if (limiter.acquirePermission()) {
				return Mono.empty();
			}
			else {
				wait = Duration.ofNanos(limiter.getDetailedMetrics().getNanosToWait());
			}
			if (wait.compareTo(MIN_PAUSE) < 0) {
				wait = MIN_PAUSE;
			}
			if (clock.instant().plus(wait).isAfter(deadline)) {
				return Mono.error(new ApiFootballException(ApiFootballException.Kind.BUSY, "no API-Football call allowed before "
						+ "the request's deadline: the plan's " + limiter.getRateLimiterConfig().getLimitForPeriod()
						+ " calls a minute are spent"));
			}
			return Mono.delay(wait).then(permit(deadline, background));
		});
	}

	private Duration untilNextMinute() {
		long period = PERIOD.toNanos();
		long cycle = limiter.getDetailedMetrics().getCycle();
		return Duration.ofNanos((cycle + 1) * period - nanos.get());
	}

	/**
	 * Nanoseconds of the clock since the first reading, counting only the time it moves forward: a clock
	 * set back (an NTP step, a test moving to an earlier date) stands still for the limiter instead of
	 * taking it into a past minute, where every permit would be owed. The limiter takes its first reading as
	 * its start, so its minutes begin at whole multiples of the period from 0, which
	 * {@link #untilNextMinute} relies on.
	 */
	private static final class ClockNanos implements Supplier<Long> {

		private final Clock clock;

		private long last = Long.MIN_VALUE;

		private long elapsed;

		ClockNanos(Clock clock) {
			this.clock = clock;
		}

		@Override
		public synchronized Long get() {
			long now = Clocks.nanos(clock);
			if (last != Long.MIN_VALUE && now > last) {
				elapsed += now - last;
			}
			last = now;
			return elapsed;
		}
	}
}
