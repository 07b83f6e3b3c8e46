package io.analytips.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound may let pass in the test JVM, and why. Jackson builds a type's deserializer the first time it
 * reads one, under a {@code ReentrantLock} of its {@code DeserializerCache}, then reads it from the cache without the
 * lock. Two event loops reading the same type for the first time at the same instant (several bots asking Telegram
 * who they are at start) make one wait, once, for microseconds of reflection: no I/O, and Jackson offers no
 * lock-free alternative. Without this, BlockHound turns that race into a failed {@code getMe}.
 */
public final class JacksonBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
	}
}
