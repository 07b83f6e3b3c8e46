package io.analytips.football.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.analytips.common.Clocks;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import reactor.core.publisher.Mono;

/**
 * The plan's per-minute limit, enforced client-side with a Bucket4j bucket that refills the whole minute's calls at
 * once, every minute, but waited for reactively: a caller polls for a permit at the start of the next minute instead
 * of reserving one in advance. Resilience4j's reactive rate limiter reserves the permit and then subscribes after a
 * detached delay, so a caller that gave up (its deadline passed, its user left) still spent a permit, and its request
 * was sent anyway. Here a cancelled wait holds nothing and sends nothing. The bucket runs on the injected clock
 * (through Bucket4j's public {@link TimeMeter}), so tests drive it in virtual time.
 * <p>
 * Background calls ({@link QuotaPlanner#background}) leave a fifth of each minute's permits (at least
 * one) to users: they wait for the next minute rather than take the last ones.
 */
final class MinuteLimit {

	private static final Duration PERIOD = Duration.ofMinutes(1);

	/** The shortest pause between two tries, so that a clock that has not moved cannot spin. */
	private static final Duration MIN_PAUSE = Duration.ofMillis(1);

	private final Bucket bucket;

	private final int perMinute;

	private final ClockNanos nanos;

	private final Clock clock;

	private final int headroom;

	MinuteLimit(int perMinute, Clock clock) {
		if (perMinute < 1) {
			throw new IllegalArgumentException("a per-minute limit must allow a call: " + perMinute);
		}
		this.clock = clock;
		this.perMinute = perMinute;
		this.nanos = new ClockNanos(clock);
		// Its first reading of the time is the start of its first minute: nanos' 0 (see untilNextMinute).
		this.bucket = Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, PERIOD).build())
			.withCustomTimePrecision(nanos)
			.build();
		this.headroom = Math.max(1, perMinute / 5);
	}

	/** The calls a user could make now, this minute. */
	long available() {
		return bucket.getAvailableTokens();
	}

	/**
	 * Completes once a permit is taken; errors with {@link ApiFootballException.Kind#BUSY} at once when
	 * the next permit would come after {@code deadline}. Cancelling it leaves no permit taken.
	 */
	Mono<Void> permit(Instant deadline, boolean background) {
		return Mono.defer(() -> {
			Duration wait;
			if (background && bucket.getAvailableTokens() <= headroom) {
				wait = untilNextMinute();
			}
			else if (bucket.tryConsume(1)) {
				return Mono.empty();
			}
			else {
				wait = untilNextMinute();
			}
			if (wait.compareTo(MIN_PAUSE) < 0) {
				wait = MIN_PAUSE;
			}
			if (clock.instant().plus(wait).isAfter(deadline)) {
				return Mono.error(new ApiFootballException(ApiFootballException.Kind.BUSY, "no API-Football call allowed before "
						+ "the request's deadline: the plan's " + perMinute + " calls a minute are spent"));
			}
			return Mono.delay(wait).then(permit(deadline, background));
		});
	}

	/** The whole minute's calls come back at once, at each whole minute since the bucket's first reading. */
	private Duration untilNextMinute() {
		long period = PERIOD.toNanos();
		return Duration.ofNanos(period - Math.floorMod(nanos.currentTimeNanos(), period));
	}

	/**
	 * Nanoseconds of the clock since the first reading, counting only the time it moves forward: a clock
	 * set back (an NTP step, a test moving to an earlier date) stands still for the bucket instead of
	 * taking it into a past minute. The bucket takes its first reading as its start, so its minutes begin
	 * at whole multiples of the period from 0, which {@link #untilNextMinute} relies on.
	 */
	private static final class ClockNanos implements TimeMeter {

		private final Clock clock;

		private long last = Long.MIN_VALUE;

		private long elapsed;

		ClockNanos(Clock clock) {
			this.clock = clock;
		}

		@Override
		public synchronized long currentTimeNanos() {
			long now = Clocks.nanos(clock);
			if (last != Long.MIN_VALUE && now > last) {
				elapsed += now - last;
			}
			last = now;
			return elapsed;
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}
	}
}
