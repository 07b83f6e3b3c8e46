package io.analytips.common;

import java.time.Clock;

import io.github.bucket4j.TimeMeter;

/**
 * Bucket4j's time source, read from the injected clock (so token buckets refill in virtual time in tests): the
 * per-user rate limits and Telegram's flood control use it.
 */
public record ClockTimeMeter(Clock clock) implements TimeMeter {

	@Override
	public long currentTimeNanos() {
		return Clocks.nanos(clock);
	}

	@Override
	public boolean isWallClockBased() {
		return true;
	}
}
