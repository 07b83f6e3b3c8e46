package io.analytips.common;

import java.time.Clock;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Ticker;

/** Adapters from {@link Clock} (injected everywhere, virtual in tests) to the time sources libraries expect. */
public final class Clocks {

	private Clocks() {
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
