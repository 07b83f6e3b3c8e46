package io.analytips.pipeline;

import java.util.Locale;

/** How an update ended; every stored update ends with exactly one. */
public enum Outcome {
	/** A handler ran to completion. */
	DONE,
	/** The user exceeded the per-user rate limit: told when to try again, unless still inside a wait already told. */
	RATE_LIMITED,
	/** The bounded buffer was full; answered with the overload notice. */
	REJECTED,
	/** The handler failed or timed out; the user got a short error reply. */
	FAILED,
	/** Unreadable, incomplete or of a kind the bot does not handle. */
	INVALID;

	/** The value stored in {@code inbox.outcome}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}
}
