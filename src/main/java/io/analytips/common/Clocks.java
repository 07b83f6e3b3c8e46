package io.analytips.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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
		Clock system = system();
		return Clock.offset(system, Duration.between(system.instant(), start));
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
}
