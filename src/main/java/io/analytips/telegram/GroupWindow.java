package io.analytips.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The sends reserved to one group within a sliding minute, so that no 60 s ever hold more than Telegram's limit
 * (20): a token bucket alone lets its burst through on top of its rate (3 + 20 in the first minute). Reservations
 * are made in order (each at or after the one before), as one chat's calls take their turns one at a time; a
 * reservation cancelled before its time is given back. Times are nanoseconds of the flood control's clock.
 */
final class GroupWindow {

	private final int limit;

	private final long windowNanos;

	/** Reserved send times, oldest first; none older than a window before the newest. */
	private final Deque<Long> sends = new ArrayDeque<>();

	GroupWindow(int limit, long windowNanos) {
		this.limit = limit;
		this.windowNanos = windowNanos;
	}

	/**
	 * Reserves a send at {@code earliest} or later: after the last one reserved, and once the window before it holds
	 * fewer than the limit. Returns the reserved time.
	 */
	synchronized long reserve(long now, long earliest) {
		while (!sends.isEmpty() && sends.peekFirst() <= now - windowNanos) {
			sends.pollFirst();
		}
		long at = sends.isEmpty() ? earliest : Math.max(earliest, sends.peekLast());
		if (sends.size() >= limit) {
			// the limit-th newest send must have left the window
			Iterator<Long> newestFirst = sends.descendingIterator();
			long limitth = 0;
			for (int i = 0; i < limit; i++) {
				limitth = newestFirst.next();
			}
			at = Math.max(at, limitth + windowNanos);
		}
		sends.addLast(at);
		return at;
	}

	/** Gives back a reservation not used (its call was cancelled before its time). */
	synchronized void giveBack(long at) {
		sends.removeLastOccurrence(at);
	}

	/** When the last reserved send leaves the window (nanoseconds of the clock); 0 when none is reserved. */
	synchronized long clearsAt() {
		return sends.isEmpty() ? 0 : sends.peekLast() + windowNanos;
	}
}
