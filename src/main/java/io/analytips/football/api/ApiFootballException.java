package io.analytips.football.api;

/**
 * A failed API-Football call, classified once (docs/architecture.md, "Football data").
 */
public final class ApiFootballException extends RuntimeException {

	/** What went wrong, as far as retrying and falling back are concerned. */
	public enum Kind {
		/** {@code errors.token} / {@code subscription} / 401 / 403: the key is wrong. Never retried; fatal at start-up. */
		CONFIGURATION(false, false),
		/** {@code errors.requests}, or the quota reserve reached: no calls until the daily reset. Not retried. */
		QUOTA_EXHAUSTED(false, false),
		/** {@code errors.rateLimit} or HTTP 429: the per-minute limit. Retried with backoff. */
		RATE_LIMITED(true, false),
		/** 5xx, 499, 204, or an unreadable body. Retried; counts against the circuit breaker. */
		SERVER(true, true),
		/** No answer within the timeout. Retried; counts against the breaker. */
		TIMEOUT(true, true),
		/** The connection failed. Retried; counts against the breaker. */
		NETWORK(true, true),
		/**
		 * Our own limits said no: no rate-limiter permit or bulkhead slot before the request's deadline, the
		 * background share of the daily quota spent, or nobody waiting for the answer any more. Not retried:
		 * the deadline is the whole budget of the request, so a retry could only wait past it.
		 */
		BUSY(false, false),
		/** 4xx, plan restrictions, validation errors: the request itself is wrong. Never retried. */
		BAD_REQUEST(false, false),
		/** The circuit breaker is open: failed fast without calling. Not retried. */
		CIRCUIT_OPEN(false, false);

		private final boolean transientFailure;

		private final boolean upstreamFault;

		Kind(boolean transientFailure, boolean upstreamFault) {
			this.transientFailure = transientFailure;
			this.upstreamFault = upstreamFault;
		}
	}

	private final Kind kind;

	public ApiFootballException(Kind kind, String message) {
		this(kind, message, null);
	}

	public ApiFootballException(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	public Kind kind() {
		return kind;
	}

	/** Worth retrying with backoff: rate limits, server errors, timeouts, I/O. */
	public boolean isTransient() {
		return kind.transientFailure;
	}

	/** A sign that API-Football itself is unwell: recorded by the circuit breaker. */
	public boolean isUpstreamFault() {
		return kind.upstreamFault;
	}

	/** Whether a cached copy should be served instead (every kind but a bad request). */
	public boolean isUnavailable() {
		return kind != Kind.BAD_REQUEST;
	}

	/** Whether {@code e} is an {@link ApiFootballException} of one of these kinds. */
	public static boolean is(Throwable e, Kind... kinds) {
		if (e instanceof ApiFootballException ex) {
			for (Kind kind : kinds) {
				if (ex.kind == kind) {
					return true;
				}
			}
		}
		return false;
	}
}
