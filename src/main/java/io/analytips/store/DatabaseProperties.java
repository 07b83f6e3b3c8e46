package io.analytips.store;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Database settings ({@code analytips.database.*}).
 *
 * @param url {@code DATABASE_URL}; blank starts an embedded PostgreSQL
 * @param embeddedDirectory where the embedded PostgreSQL keeps its data (survives restarts)
 * @param poolMaxSize the most pooled connections
 * @param connectTimeout the TCP connect timeout
 * @param acquireTimeout how long a query may wait for a pooled connection
 */
@Validated
@ConfigurationProperties("analytips.database")
public record DatabaseProperties(String url, @NotNull Path embeddedDirectory, @Min(1) int poolMaxSize,
		@NotNull Duration connectTimeout, @NotNull Duration acquireTimeout) {

	/** Whether {@code DATABASE_URL} was given. */
	public boolean isExternal() {
		return url != null && !url.isBlank();
	}
}
