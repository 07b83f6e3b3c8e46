package io.analytips.football.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The instant by which a request's upstream work must be over, carried in the Reactor context so that
 * every API-Football call made for one request (an analysis makes several, one after the other) shares
 * one budget: the rate-limiter and bulkhead waits, the attempts and the backoffs of all of them. The
 * outermost deadline wins, so an analysis's reads cannot each start a fresh budget.
 */
public final class Deadline {

	/** The context key; private, so only {@link #within} puts a deadline there. */
	private static final Object KEY = Deadline.class;

	private Deadline() {
	}

	/** {@code context} with a deadline {@code budget} from now, unless it already has one (which is kept). */
	public static Context within(Context context, Clock clock, Duration budget) {
		return context.hasKey(KEY) ? context : context.put(KEY, clock.instant().plus(budget));
	}

	/** The deadline in {@code context}, if any. */
	public static Optional<Instant> of(ContextView context) {
		return context.getOrEmpty(KEY);
	}
}
