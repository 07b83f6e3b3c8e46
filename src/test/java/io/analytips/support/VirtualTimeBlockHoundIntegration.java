package io.analytips.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets a thread wait for reactor-test's {@code VirtualTimeScheduler}'s queue lock. While a test runs in virtual time
 * the scheduler stands in for every Reactor scheduler of the JVM, so the background work of the Spring contexts the
 * suite keeps cached (polling, timers) schedules on it from event loops too. Two threads meeting at its
 * {@code PriorityBlockingQueue} is a wait of microseconds; but BlockHound's error, thrown from inside
 * {@code ReentrantLock.lock()} on the event loop, leaves that thread's node queued in the lock, and the next release
 * wakes that abandoned node instead of the test thread, which then waits for ever (seen: {@code OutboundBroadcastTest}
 * parked in {@code VirtualTimeScheduler.drain} for 8 minutes of a CI run). Only the test scheduler is let through;
 * main code never runs on it outside tests.
 */
public final class VirtualTimeBlockHoundIntegration implements BlockHoundIntegration {

	private static final String SCHEDULER = "reactor.test.scheduler.VirtualTimeScheduler";

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside(SCHEDULER, "drain");
		builder.allowBlockingCallsInside(SCHEDULER, "dispose");
		builder.allowBlockingCallsInside(SCHEDULER + "$VirtualTimeWorker", "doScheduleAtTime");
		builder.allowBlockingCallsInside(SCHEDULER + "$TimedRunnable", "dispose");
	}
}
