package io.analytips.store;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Which database failures pass by themselves: the database or the way to it was away for a moment (a restart, a
 * failover, a broken connection, a pool that could not connect), as opposed to a statement that is wrong and fails
 * the same way every time, or one that was too slow (a timeout already waited its deadline: waiting again would
 * only make the user wait longer). Work that failed because the database was away, and can be done again without
 * anyone noticing, is worth trying again after a pause.
 */
public final class TransientFailures {

	/** PostgreSQL's SQLSTATE for a statement cancelled (by {@code statement_timeout} or a cancel request). */
	private static final String QUERY_CANCELED = "57014";

	private TransientFailures() {
	}

	/** Whether {@code error}, or one of its causes, says the database could not be reached or ended the connection. */
	public static boolean isTransient(Throwable error) {
		boolean away = false;
		for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (tooSlow(cause)) {
				return false;
			}
			away |= cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
					|| cause instanceof R2dbcTransientResourceException || cause instanceof R2dbcNonTransientResourceException;
		}
		return away;
	}

	/** A statement cancelled at its deadline (ours or PostgreSQL's {@code statement_timeout}, SQLSTATE 57014). */
	private static boolean tooSlow(Throwable cause) {
		return cause instanceof QueryTimeoutException || cause instanceof R2dbcTimeoutException
				|| cause instanceof R2dbcException r2dbc && QUERY_CANCELED.equals(r2dbc.getSqlState());
	}
}
