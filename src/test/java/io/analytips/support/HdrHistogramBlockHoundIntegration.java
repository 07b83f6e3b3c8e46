package io.analytips.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound may let pass in HdrHistogram (Micrometer's percentiles), and why. A timer that publishes
 * percentiles records into a {@code DoubleHistogram} that moves its covered range when a value falls outside
 * it; with several threads recording at once, the move flips the {@code WriterReaderPhaser} and spins with
 * {@code Thread.yield} until the writers in the old phase finish, a few field writes. It is neither I/O nor a
 * lock held across work, and it happens at most a few dozen times in a histogram's life; without this
 * BlockHound turns it into a failed update (seen in {@code PollingPipelineIntegrationTests}, the send window's
 * acknowledged-to-recorded timer).
 */
public final class HdrHistogramBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("org.HdrHistogram.WriterReaderPhaser", "flipPhase");
	}
}
