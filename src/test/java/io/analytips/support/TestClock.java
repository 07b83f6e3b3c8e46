package io.analytips.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock on a date the test chooses that then runs at the machine's pace (measured with
 * {@link System#nanoTime()}, which knows no date): for tests that run the real application in real
 * time (pacing, windows, timeouts) but must see the same "today" on any day they are run. Tests of
 * time-based logic use virtual time instead.
 */
public final class TestClock extends Clock {

	/** The "today" of the suite unless a test chooses another: a Monday, noon UTC (09:00 in Brasília). */
	public static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

	/** Where the clock was set, and when ({@link System#nanoTime()}): one volatile read, no lock. */
	private record Base(Instant at, long nanos) {
	}

	private volatile Base base;

	private final ZoneId zone;

	private TestClock(Instant start) {
		this.zone = ZoneOffset.UTC;
		set(start);
	}

	/** A clock reading {@link #START} now. */
	public static TestClock running() {
		return startingAt(START);
	}

	/** A clock reading {@code start} now. */
	public static TestClock startingAt(Instant start) {
		return new TestClock(start);
	}

	/** Moves the clock to {@code at}; it runs on from there. */
	public void set(Instant at) {
		base = new Base(at, System.nanoTime());
	}

	/** Moves the clock forward. */
	public void advance(Duration duration) {
		set(instant().plus(duration));
	}

	@Override
	public Instant instant() {
		Base current = base;
		return current.at().plusNanos(System.nanoTime() - current.nanos());
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	/** The same clock (setting one moves the other) seen in another zone. */
	@Override
	public Clock withZone(ZoneId other) {
		TestClock self = this;
		return new Clock() {
			@Override
			public Instant instant() {
				return self.instant();
			}

			@Override
			public ZoneId getZone() {
				return other;
			}

			@Override
			public Clock withZone(ZoneId again) {
				return self.withZone(again);
			}
		};
	}
}
