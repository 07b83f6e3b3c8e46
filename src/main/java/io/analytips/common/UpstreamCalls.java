package io.analytips.common;

import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Counts the calls to an upstream service (API-Football) made on behalf of one piece of work (an
 * update). The work's owner creates a counter and writes it into the Reactor context around the
 * work ({@code contextWrite(calls::addTo)}); the code that really sends a request wraps it in
 * {@link #counted}, which finds the counter in its subscriber's context. This keeps the caller
 * and the client apart: neither knows the other, both know this class. Without a counter in the
 * context (background work, start-up checks) nothing is counted. Thread-safe.
 */
public final class UpstreamCalls {

	/** The context key; private, so only {@link #addTo} puts a counter there. */
	private static final Object KEY = UpstreamCalls.class;

	private final AtomicInteger count = new AtomicInteger();

	/** Calls counted so far. */
	public int count() {
		return count.get();
	}

	/** {@code context} with this counter in it: the calls made by what runs with it are counted here. */
	public Context addTo(Context context) {
		return context.put(KEY, this);
	}

	/**
	 * {@code call}, counted once on the subscriber's counter (if its context has one) each time it is
	 * subscribed, that is each time the request is really sent. Emits, completes or errors exactly as
	 * {@code call} does.
	 */
	public static <T> Mono<T> counted(Mono<T> call) {
		return Mono.deferContextual(context -> {
			countIn(context);
			return call;
		});
	}

	/** Counts one call on the counter in {@code context}, if there is one. */
	static void countIn(ContextView context) {
		UpstreamCalls calls = context.getOrDefault(KEY, null);
		if (calls == null) {
			UpdateScope scope = UpdateScope.in(context);
			calls = scope == null ? null : scope.calls();
		}
		if (calls != null) {
			calls.count.incrementAndGet();
		}
	}
}
