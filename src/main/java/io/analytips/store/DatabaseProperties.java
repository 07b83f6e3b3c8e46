package io.analytips.store;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Database settings ({@code analytips.database.*}; defaults in application.yml).
 *
 * @param url {@code DATABASE_URL}; blank starts an embedded PostgreSQL; otherwise it must parse
 *        ({@link DatabaseUrl#parse}), so that a URL that cannot work stops the start before anything does
 * @param embeddedDirectory where the embedded PostgreSQL keeps its data (survives restarts)
 * @param embeddedDurable whether the embedded PostgreSQL flushes every commit to disk ({@code fsync},
 *        {@code synchronous_commit}, {@code full_page_writes} on): true when the bot runs, false for the
 *        demo, whose data is worth less than its speed
 * @param poolMaxSize the most pooled connections
 * @param connectTimeout the TCP connect timeout
 * @param acquireTimeout how long a query may wait for a pooled connection
 * @param statementTimeout PostgreSQL's {@code statement_timeout} on every connection: the server cancels a
 *        statement running longer
 * @param callTimeout how long a caller that holds something (a cache key, the audit log's permit, a chat's
 *        lane) waits for a database call before giving up on it; longer than {@code statementTimeout}, so
 *        the server's cancellation normally comes first and this only guards against a silent network
 * @param retention how long rows that would otherwise pile up are kept
 */
@Validated
@ConfigurationProperties("analytips.database")
public record DatabaseProperties(String url, @NotNull Path embeddedDirectory, @NotNull Boolean embeddedDurable,
		@Min(1) int poolMaxSize, @NotNull Duration connectTimeout, @NotNull Duration acquireTimeout,
		@NotNull Duration statementTimeout, @NotNull Duration callTimeout, @NotNull @Valid Retention retention) {

	public DatabaseProperties {
		if (url != null && !url.isBlank()) {
			DatabaseUrl.parse(url); // fails the start with a message naming DATABASE_URL
		}
		if (statementTimeout != null && statementTimeout.compareTo(Duration.ofMillis(100)) < 0) {
			throw new IllegalArgumentException("analytips.database.statement-timeout must be at least 100ms");
		}
		if (statementTimeout != null && callTimeout != null && callTimeout.compareTo(statementTimeout) <= 0) {
			throw new IllegalArgumentException(
					"analytips.database.call-timeout must be longer than analytips.database.statement-timeout");
		}
	}

	/** Whether {@code DATABASE_URL} was given. */
	public boolean isExternal() {
		return url != null && !url.isBlank();
	}

	/**
	 * What the purges keep ({@code analytips.database.retention.*}).
	 *
	 * @param purgeEvery how often the purges run
	 * @param apiCacheKeepExpired how long an expired {@code api_cache} answer is kept for stale-if-error
	 * @param analysesMaxAge how long a user's analyses are kept
	 * @param analysesPerUser the most analyses kept per user (the newest)
	 */
	public record Retention(@NotNull Duration purgeEvery, @NotNull Duration apiCacheKeepExpired,
			@NotNull Duration analysesMaxAge, @Min(1) int analysesPerUser) {

		public Retention {
			if (purgeEvery != null && purgeEvery.compareTo(Duration.ofMinutes(1)) < 0) {
				throw new IllegalArgumentException("analytips.database.retention.purge-every must be at least 1m");
			}
			if (apiCacheKeepExpired != null && apiCacheKeepExpired.isNegative()) {
				throw new IllegalArgumentException(
						"analytips.database.retention.api-cache-keep-expired must not be negative");
			}
			if (analysesMaxAge != null && analysesMaxAge.compareTo(Duration.ofDays(1)) < 0) {
				throw new IllegalArgumentException("analytips.database.retention.analyses-max-age must be at least 1d");
			}
		}
	}
}
