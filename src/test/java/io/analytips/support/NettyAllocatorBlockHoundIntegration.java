package io.analytips.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound may let pass in Netty's buffer allocator, and why. When a burst makes the event loops
 * contend for buffers, Netty 4.2's {@code AdaptivePoolingAllocator} grows its set of magazines and frees the
 * old one under a {@code StampedLock} held for a few field writes; the loser parks for microseconds. It is
 * not I/O, Netty's own BlockHound integration (which covers the allocator's other locks) misses this path,
 * and without this BlockHound turns a rare, harmless race into a failed Telegram call (seen once, in
 * {@code BoundedBufferIntegrationTests}, with 3 000 updates at once).
 */
public final class NettyAllocatorBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
	}
}
