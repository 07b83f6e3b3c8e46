package io.analytips.football.sim;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's fault injection, set by tests, benchmarks and the demo: failures for the next
 * calls, a share of server errors, latency, hangs, 200 answers with {@code errors}, and a spent
 * daily quota. Thread-safe; {@link #reset()} restores a healthy upstream.
 */
public final class Faults {

	/** What the next call should do. */
	enum Action {
		ANSWER, FAIL_STATUS, FAIL_STATUS_RANDOM, ERRORS, HANG, QUOTA
	}

	private final AtomicInteger failNext = new AtomicInteger();

	private volatile int failStatus = 503;

	private final AtomicInteger errorsNext = new AtomicInteger();

	private volatile String errorKey = "rateLimit";

	private volatile String errorMessage = "Too many requests. You have exceeded the limit of requests per minute of your subscription.";

	private final AtomicInteger hangNext = new AtomicInteger();

	private volatile double serverErrorRate;

	private volatile Duration latency = Duration.ZERO;

	private volatile boolean quotaExhausted;

	private final Random random = new Random(42);

	/** The next {@code count} calls answer HTTP {@code status} (503, 500, 429, ...). */
	public Faults failNext(int count, int status) {
		this.failStatus = status;
		failNext.set(count);
		return this;
	}

	/** The next {@code count} calls answer 200 with {@code errors: {key: message}}. */
	public Faults errorsNext(int count, String key, String message) {
		this.errorKey = key;
		this.errorMessage = message;
		errorsNext.set(count);
		return this;
	}

	/** The next {@code count} calls never answer. */
	public Faults hangNext(int count) {
		hangNext.set(count);
		return this;
	}

	/** This share of calls (0–1) answers HTTP 500, at random (seeded: runs repeat). */
	public Faults serverErrorRate(double share) {
		this.serverErrorRate = share;
		return this;
	}

	/** Every answer is delayed this long. */
	public Faults latency(Duration latency) {
		this.latency = latency;
		return this;
	}

	/** Every call answers {@code errors.requests}: the daily quota is spent. */
	public Faults quotaExhausted(boolean exhausted) {
		this.quotaExhausted = exhausted;
		return this;
	}

	/** A healthy upstream again. */
	public Faults reset() {
		failNext.set(0);
		errorsNext.set(0);
		hangNext.set(0);
		serverErrorRate = 0;
		latency = Duration.ZERO;
		quotaExhausted = false;
		return this;
	}

	Action next() {
		if (quotaExhausted) {
			return Action.QUOTA;
		}
		if (take(hangNext)) {
			return Action.HANG;
		}
		if (take(failNext)) {
			return Action.FAIL_STATUS;
		}
		if (take(errorsNext)) {
			return Action.ERRORS;
		}
		synchronized (random) {
			if (serverErrorRate > 0 && random.nextDouble() < serverErrorRate) {
				return Action.FAIL_STATUS_RANDOM;
			}
		}
		return Action.ANSWER;
	}

	private static boolean take(AtomicInteger counter) {
		return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
	}

	int failStatus() {
		return failStatus;
	}

	String errorKey() {
		return errorKey;
	}

	String errorMessage() {
		return errorMessage;
	}

	Duration latency() {
		return latency;
	}
}
