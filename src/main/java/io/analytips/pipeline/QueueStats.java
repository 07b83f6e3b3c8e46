package io.analytips.pipeline;

/**
 * The bounded buffer between intake and the dispatcher, at one instant.
 *
 * @param size updates waiting in the buffer
 * @param capacity the most it holds ({@code BOT_QUEUE_CAPACITY})
 * @param inFlight updates in the dispatcher (running, or waiting for their chat's previous update)
 * @param rejected updates rejected since start because the buffer was full
 * @param peak the largest size since start
 */
public record QueueStats(int size, int capacity, int inFlight, long rejected, int peak) {

	/** How full the buffer is, 0–100. */
	public double utilisationPercent() {
		return capacity == 0 ? 0 : 100.0 * size / capacity;
	}

	public boolean full() {
		return size >= capacity;
	}
}
