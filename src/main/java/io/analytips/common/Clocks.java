package io.analytips.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The one place that reads the machine's clock ({@link #system()}), and adapters from
 * {@link Clock} (injected everywhere, virtual or fixed in tests) to the time sources libraries
 * expect. An ArchUnit rule keeps every other class from reading the wall clock.
 */
public final class Clocks {

	private Clocks() {
	}

	/** The machine's clock, in UTC: the application's time source in production. */
	public static Clock system() {
		return Clock.systemUTC();
	}

	/**
	 * A clock that reads {@code start} now and then runs at the machine's pace: the demo on a
	 * chosen date ({@code DEMO_DATE}), and tests that need a running clock on a known date.
	 */
	public static Clock startingAt(Instant start) {
		return startingAt(start, 1);
	}

	/**
	 * A clock that reads {@code start} now and then runs {@code speed} times faster than the
	 * machine's: the demo's {@code DEMO_SPEED}, so that a match is played in minutes.
	 */
	public static Clock startingAt(Instant start, double speed) {
		return startingAt(start, speed, system());
	}

	/**
	 * A clock that reads {@code start} when {@code base} reads what it reads now, and then runs
	 * {@code speed} times faster than {@code base}; in UTC.
	 *
	 * @throws IllegalArgumentException when {@code speed} is not a positive number
	 */
	public static Clock startingAt(Instant start, double speed, Clock base) {
		if (!(speed > 0) || Double.isInfinite(speed)) {
			throw new IllegalArgumentException("A clock's speed must be a positive number (was " + speed + ")");
		}
		Instant from = base.instant();
		if (speed == 1) {
			return Clock.offset(base.withZone(ZoneOffset.UTC), Duration.between(from, start));
		}
		return new Scaled(base.withZone(ZoneOffset.UTC), from, start, speed);
	}

	/** A Caffeine ticker reading the clock, so cache expiry follows virtual time in tests. */
	public static Ticker ticker(Clock clock) {
		return () -> nanos(clock);
	}

	/** The clock's time in nanoseconds since the epoch. */
	public static long nanos(Clock clock) {
		Instant now = clock.instant();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

	/** {@code start} plus {@code speed} times what {@code base} has moved since it read {@code from}. */
	private static final class Scaled extends Clock {

		private final Clock base;

		private final Instant from;

		private final Instant start;

		private final double speed;

		Scaled(Clock base, Instant from, Instant start, double speed) {
			this.base = base;
			this.from = from;
			this.start = start;
			this.speed = speed;
		}

		@Override
		public Instant instant() {
			Duration elapsed = Duration.between(from, base.instant());
			if (speed == Math.rint(speed)) {
				return start.plus(elapsed.multipliedBy((long) speed)); // exact for whole speeds, the usual ones
			}
			// seconds as a double keep microseconds for centuries; split so that no long overflows
			double seconds = (elapsed.getSeconds() + elapsed.getNano() / 1e9) * speed;
			double whole = Math.floor(seconds);
			return start.plusSeconds((long) whole).plusNanos((long) ((seconds - whole) * 1e9));
		}

		@Override
		public ZoneId getZone() {
			return base.getZone();
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return zone.equals(getZone()) ? this : new Scaled(base.withZone(zone), from, start, speed);
		}
	}
}
