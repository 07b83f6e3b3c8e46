package io.analytips.store;

import java.time.Duration;

import io.r2dbc.spi.R2dbcException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.QueryTimeoutException;

/**
 * The deadline of a database call, for callers that hold something while they wait (a cache key,
 * the audit log's permit, a chat's lane). The server cancels a slow statement first
 * ({@code statement_timeout}, which also frees the connection); the client-side deadline
 * ({@code analytips.database.call-timeout}) catches what it cannot: a server or a network gone
 * silent. Either way the caller gets a {@link QueryTimeoutException}.
 */
public final class Deadline {

	/** PostgreSQL's {@code query_canceled}: what a statement timeout ends a statement with. */
	private static final String QUERY_CANCELED = "57014";

	private final Duration limit;

	public Deadline(Duration limit) {
		if (limit.isNegative() || limit.isZero()) {
			throw new IllegalArgumentException("a database call's deadline must be positive, was " + limit);
		}
		this.limit = limit;
	}

	/** The call, or a {@link QueryTimeoutException} if it has not ended within the deadline (it is then cancelled). */
	public <T> Mono<T> on(Mono<T> call) {
		return call.onErrorMap(Deadline::cancelledByServer, Deadline::timedOut).timeout(limit, Mono.error(this::expired));
	}

	/** The rows, or a {@link QueryTimeoutException} if the first or any next row takes longer than the deadline. */
	public <T> Flux<T> on(Flux<T> call) {
		return call.onErrorMap(Deadline::cancelledByServer, Deadline::timedOut).timeout(limit, Flux.error(this::expired));
	}

	private QueryTimeoutException expired() {
		return new QueryTimeoutException("PostgreSQL did not answer within " + limit);
	}

	/** Spring reports a statement timeout as a resource failure; the caller sees one kind of timeout. */
	private static boolean cancelledByServer(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof R2dbcException r2dbc && QUERY_CANCELED.equals(r2dbc.getSqlState())) {
				return true;
			}
		}
		return false;
	}

	private static Throwable timedOut(Throwable error) {
		return error instanceof QueryTimeoutException ? error : new QueryTimeoutException(error.getMessage(), error);
	}
}
