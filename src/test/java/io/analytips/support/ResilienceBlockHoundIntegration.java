package io.analytips.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound may let pass in the test JVM, and why. Resilience4j's circuit breaker records
 * each call in a sliding window guarded by a {@code ReentrantLock} held for a few array writes;
 * under contention (two event loops finishing calls at the same instant) the loser parks for
 * microseconds. That is no I/O, and Resilience4j offers no alternative; without this, BlockHound
 * turns a rare, harmless race into a failed call.
 */
public final class ResilienceBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		for (String window : new String[] { "io.github.resilience4j.core.metrics.FixedSizeSlidingWindowMetrics",
				"io.github.resilience4j.core.metrics.SlidingTimeWindowMetrics" }) {
			builder.allowBlockingCallsInside(window, "record");
			builder.allowBlockingCallsInside(window, "getSnapshot");
		}
	}
}
