package io.analytips.common;

import java.util.Map;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * What the pipeline hands down an update's chain through the Reactor context, as one entry: the update's
 * {@link UpstreamCalls} counter, its {@link SendRecord} and its log ids ({@link LogContext}). Their readers
 * ({@link UpstreamCalls#counted}, {@link SendRecord#recorded}, {@link LogContext#in}) look here as well as under
 * their own keys, so code that writes one of them alone still works.
 *
 * <p>Why one entry and not three: Reactor builds a four- or five-entry context with a duplicate-key check whose
 * messages are concatenated eagerly, and every {@code retryWhen} with a backoff puts its subscriber's whole context
 * again, entry by entry. With the update's three values, its lease and the wire's lease check, an update's contexts
 * had five entries: their construction was 6% of all the bytes a burst allocated (JFR, 2026-12-07). With this,
 * three.
 *
 * @param calls the update's upstream-call counter
 * @param sends the update's send record
 * @param logIds the ids its log lines carry (empty for none)
 */
public record UpdateScope(UpstreamCalls calls, SendRecord sends, Map<String, String> logIds) {

	private static final Object KEY = UpdateScope.class;

	public UpdateScope {
		logIds = Map.copyOf(logIds);
	}

	/** {@code context} with this scope in it. */
	public Context addTo(Context context) {
		return context.put(KEY, this);
	}

	/** The scope in {@code context}, or null. */
	static UpdateScope in(ContextView context) {
		return context.getOrDefault(KEY, null);
	}
}
