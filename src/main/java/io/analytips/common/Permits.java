package io.analytips.common;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A bulkhead that queues instead of rejecting: at most {@code permits} pieces of work run at once;
 * the others wait their turn, in order, without blocking a thread, for at most {@code maxWait}.
 * A permit is returned on completion, error and cancellation alike, including when a waiter is
 * cancelled at the very moment it is granted. (Resilience4j's reactive bulkhead can only reject
 * when full, which under a burst turns a wait of milliseconds into a retry a second later.)
 */
public final class Permits {

	private static final int WAITING = 0;

	private static final int GRANTED = 1;

	private static final int CANCELLED = 2;

	private final int permits;

	private final Deque<Waiter> waiters = new ArrayDeque<>();

	private int available;

	public Permits(int permits) {
		if (permits < 1) {
			throw new IllegalArgumentException("permits must be at least 1, was " + permits);
		}
		this.permits = permits;
		this.available = permits;
	}

	/**
	 * Runs {@code work} once a permit is free. Errors with a {@link TimeoutException} if none is
	 * free within {@code maxWait} (the work is then never subscribed).
	 */
	public <T> Mono<T> run(Supplier<Mono<T>> work, Duration maxWait) {
		return Mono.defer(() -> {
			Waiter waiter = enqueue();
			if (waiter == null) {
				return Mono.defer(work).doFinally(signal -> release());
			}
			return waiter.turn.asMono()
				.timeout(maxWait, Mono.error(() -> new TimeoutException("no permit within " + maxWait)))
				.doOnCancel(waiter::abandon)
				.doOnError(error -> waiter.abandon())
				.then(Mono.defer(work).doFinally(signal -> release()));
		});
	}

	/** Permits free right now. */
	public synchronized int available() {
		return available;
	}

	/** Work waiting for a permit right now. */
	public synchronized int waiting() {
		return waiters.size();
	}

	public int capacity() {
		return permits;
	}

	/** Takes a permit, or queues: null when a permit was taken at once. */
	private synchronized Waiter enqueue() {
		if (available > 0 && waiters.isEmpty()) {
			available--;
			return null;
		}
		Waiter waiter = new Waiter();
		waiters.addLast(waiter);
		return waiter;
	}

	/** Hands the permit to the next live waiter, or puts it back. */
	private void release() {
		while (true) {
			Waiter next;
			synchronized (this) {
				next = waiters.pollFirst();
				if (next == null) {
					available++;
					return;
				}
			}
			if (next.state.compareAndSet(WAITING, GRANTED)) {
				next.turn.tryEmitEmpty();
				return;
			}
			// cancelled while queued: try the next one
		}
	}

	/** One queued piece of work. */
	private final class Waiter {

		final Sinks.Empty<Void> turn = Sinks.empty();

		final AtomicInteger state = new AtomicInteger(WAITING);

		/** Gave up (cancelled or timed out): leave the queue, or give back a permit granted meanwhile. */
		void abandon() {
			if (state.compareAndSet(WAITING, CANCELLED)) {
				synchronized (Permits.this) {
					waiters.remove(this);
				}
			}
			else if (state.compareAndSet(GRANTED, CANCELLED)) {
				release();
			}
		}
	}
}
