package io.analytips.support.load;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of updates sent to a bot and the replies it got back, timed on one clock (the fake's):
 * each reply to a chat is matched with that chat's oldest unanswered update, and its latency is the
 * time from that update being made available to {@code getUpdates} (or, in an open loop, from when
 * it was due) to the reply arriving.
 */
final class LoadRun {

	private final int expected;

	private final long[] latencies;

	private final ConcurrentHashMap<Long, ArrayDeque<Long>> waiting = new ConcurrentHashMap<>();

	private final AtomicInteger sent = new AtomicInteger();

	private final AtomicInteger replies = new AtomicInteger();

	private final AtomicInteger unmatched = new AtomicInteger();

	private final AtomicInteger refused = new AtomicInteger();

	private final AtomicLong lastReply = new AtomicLong();

	private volatile long firstSent;

	private volatile long lastSent;

	LoadRun(int expected) {
		this.expected = expected;
		this.latencies = new long[expected];
	}

	/** An update for {@code chat} became available at {@code nanos}. */
	void sent(long chat, long nanos) {
		if (sent.getAndIncrement() == 0) {
			firstSent = nanos;
		}
		lastSent = nanos;
		waiting.compute(chat, (key, queue) -> {
			ArrayDeque<Long> times = queue == null ? new ArrayDeque<>(2) : queue;
			times.add(nanos);
			return times;
		});
	}

	/** A message reached {@code chat} at {@code nanos}. */
	void replied(long chat, long nanos) {
		replied(chat, nanos, false);
	}

	/**
	 * A message reached {@code chat} at {@code nanos}; {@code refusal} when it was the overload notice (it still
	 * answers the chat's oldest update, which then counts as {@code refused} too).
	 */
	void replied(long chat, long nanos, boolean refusal) {
		if (refusal) {
			refused.incrementAndGet();
		}
		long[] at = { -1 };
		waiting.computeIfPresent(chat, (key, queue) -> {
			at[0] = queue.poll();
			return queue.isEmpty() ? null : queue;
		});
		if (at[0] < 0) {
			unmatched.incrementAndGet();
			return;
		}
		int index = replies.getAndIncrement();
		if (index < latencies.length) {
			latencies[index] = nanos - at[0];
		}
		lastReply.accumulateAndGet(nanos, Math::max);
	}

	int sent() {
		return sent.get();
	}

	int expected() {
		return expected;
	}

	int replies() {
		return replies.get();
	}

	int unmatched() {
		return unmatched.get();
	}

	/** Replies that were the overload notice. */
	int refused() {
		return refused.get();
	}

	/** When the first update became available (or was due); 0 before. */
	long firstSent() {
		return firstSent;
	}

	/** When the latest update became available (or was due); 0 before. */
	long lastSent() {
		return lastSent;
	}

	/** When the latest reply arrived; 0 before. */
	long lastReply() {
		return lastReply.get();
	}

	/** The latencies of the replies so far, in nanoseconds, sorted. */
	long[] sortedLatencies() {
		long[] sorted = Arrays.copyOf(latencies, Math.min(replies.get(), latencies.length));
		Arrays.sort(sorted);
		return sorted;
	}

	/** Updates sent and not yet answered. */
	int outstanding() {
		return sent.get() - replies.get();
	}

	/** The run as JSON: counts, replies per second from the first update to the last reply, latency percentiles. */
	String json() {
		long[] sorted = sortedLatencies();
		int answered = sorted.length;
		double seconds = answered == 0 ? 0 : (lastReply.get() - firstSent) / 1e9;
		return "{\"expected\":" + expected + ",\"sent\":" + sent.get() + ",\"replies\":" + replies.get()
				+ ",\"unmatched\":" + unmatched.get() + ",\"refused\":" + refused.get() + ",\"seconds\":" + seconds + ",\"repliesPerSecond\":"
				+ (seconds == 0 ? 0 : answered / seconds) + ",\"p50Ms\":" + percentile(sorted, 0.50) + ",\"p99Ms\":"
				+ percentile(sorted, 0.99) + ",\"maxMs\":" + percentile(sorted, 1.0) + "}";
	}

	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
		return sorted[index] / 1e6;
	}
}
