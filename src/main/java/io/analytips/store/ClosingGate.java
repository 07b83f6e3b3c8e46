package io.analytips.store;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets writers into a queue until it closes, and ends the queue only once nobody is inside: an item put in after
 * the queue's end would be dropped unanswered. Lock-free: one counter of who is inside, with a bit for closing.
 */
final class ClosingGate {

	private static final int CLOSED = 1 << 30;

	private final AtomicInteger inside = new AtomicInteger();

	private final Runnable end;

	/** @param end ends the queue; run exactly once, after {@link #close()}, when nobody is inside */
	ClosingGate(Runnable end) {
		this.end = end;
	}

	/** Lets one in; false once closing. Each true must be followed by {@link #leave()}. */
	boolean enter() {
		while (true) {
			int now = inside.get();
			if ((now & CLOSED) != 0) {
				return false;
			}
			if (inside.compareAndSet(now, now + 1)) {
				return true;
			}
		}
	}

	/** The last one to leave a closing gate ends the queue. */
	void leave() {
		if (inside.decrementAndGet() == CLOSED) {
			end.run();
		}
	}

	/** Lets nobody in any more; ends the queue now if nobody is inside, else the last to leave does. */
	void close() {
		if (inside.getAndUpdate(now -> now | CLOSED) == 0) {
			end.run();
		}
	}
}
