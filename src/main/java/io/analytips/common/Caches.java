package io.analytips.common;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Caffeine;

/** The one way our in-memory caches are built. */
public final class Caches {

	private Caches() {
	}

	/**
	 * A Caffeine builder whose expiry reads {@code clock} (so it follows virtual time in tests) and whose
	 * maintenance (evictions, removal listeners) runs on the calling thread rather than on the common
	 * ForkJoinPool: it is a few map operations, and tests then see expiry at once, without waiting for another
	 * thread.
	 */
	public static Caffeine<Object, Object> on(Clock clock) {
		return Caffeine.newBuilder().ticker(Clocks.ticker(clock)).executor(Runnable::run);
	}
}
