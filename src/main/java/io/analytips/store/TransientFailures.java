package io.analytips.store;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Which database failures pass by themselves: the database or the way to it was down for a moment (a restart, a
 * failover, a broken connection, a pool that could not connect), as opposed to a statement that is wrong and fails
 * the same way every time. Work that failed for a passing reason, and can be done again without anyone noticing,
 * is worth trying again after a pause.
 */
public final class TransientFailures {

	private TransientFailures() {
	}

	/** Whether {@code error}, or one of its causes, is a failure of the database's availability. */
	public static boolean isTransient(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof R2dbcTransientException || cause instanceof R2dbcNonTransientResourceException) {
				return true;
			}
		}
		return false;
	}
}
