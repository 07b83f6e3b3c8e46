package io.analytips.pipeline.journal;

import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * The {@link SendJournal}'s periodic force: every {@link #EVERY}, on the journal's thread, its current segment is
 * forced to disk if anything was written since (a burst's tail is forced without waiting for a next write). Started by
 * the first write, so a journal nobody writes to keeps no timer; touched on the journal's thread only.
 */
final class JournalForcing {

	private static final Logger log = LoggerFactory.getLogger(JournalForcing.class);

	/** How often the current segment is forced to disk, when anything was written since. */
	static final long EVERY = TimeUnit.MILLISECONDS.toNanos(200);

	private final Supplier<JournalSegment> current;

	/** Times the current segment was forced by the periodic check. */
	final AtomicInteger forces = new AtomicInteger();

	private Disposable timer = Disposables.disposed();

	private boolean stopped;

	JournalForcing(Supplier<JournalSegment> current) {
		this.current = current;
	}

	/** Starts the timer on {@code scheduler} unless it runs or was stopped. */
	void start(Scheduler scheduler) {
		if (!timer.isDisposed() || stopped) {
			return;
		}
		try {
			timer = scheduler.schedulePeriodically(this::forceIfWritten, EVERY, EVERY, TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException noTimer) {
			log.debug("The send journal's scheduler has no timer; its segments are forced when they are closed");
			timer = Disposables.composite(); // not disposed: not tried again
		}
	}

	/** Stops the timer for good (the journal closes). */
	void stop() {
		stopped = true;
		timer.dispose();
	}

	private void forceIfWritten() {
		try {
			if (current.get().force()) {
				forces.incrementAndGet();
			}
		}
		catch (IOException ex) {
			log.warn("Could not force the send journal to disk: {}", ex.toString());
		}
	}
}
