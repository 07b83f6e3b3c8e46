package io.analytips.store;

import java.net.ConnectException;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/** A database that was away for a moment is worth trying again; a wrong statement is not. */
class TransientFailuresTest {

	@Test
	void aDatabaseThatCouldNotBeReachedOrEndedTheConnectionIsTransient() {
		assertThat(TransientFailures.isTransient(new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
				new ConnectException("Connection refused")))).isTrue();
		assertThat(TransientFailures.isTransient(new IllegalStateException("wrapped",
				new R2dbcNonTransientResourceException("terminating connection due to administrator command")))).isTrue();
	}

	@Test
	void aStatementThatWasTooSlowIsNotItWaitedItsDeadlineAlready() {
		assertThat(TransientFailures.isTransient(new QueryTimeoutException("PostgreSQL did not answer within PT2S"))).isFalse();
		// as Spring wraps PostgreSQL's statement_timeout: a resource failure, caused by a cancelled statement
		assertThat(TransientFailures.isTransient(new QueryTimeoutException("execute", new DataAccessResourceFailureException(
				"execute", new R2dbcNonTransientResourceException("canceling statement due to statement timeout", "57014")))))
			.isFalse();
	}

	@Test
	void aStatementThatIsWrongIsNot() {
		assertThat(TransientFailures.isTransient(new R2dbcBadGrammarException("syntax error"))).isFalse();
		assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("duplicate key"))).isFalse();
		assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad"))).isFalse();
	}
}
