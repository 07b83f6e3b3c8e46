package io.analytips.store;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How replicas sharing one PostgreSQL elect the one that polls and answers ({@link AdvisoryLockLeadership}).
 *
 * @param shared whether other replicas may share the database: {@code null} (the default) means yes with
 *        {@code DATABASE_URL} and no with the embedded database, which only this process can reach (it then leads
 *        at once, exactly as a lone bot)
 * @param leadRetry how often a standby asks for the lead: with {@code leadLease}, bounds the takeover after the
 *        leader dies
 * @param leadCheck how often the leader checks the connection holding its lock
 * @param leadLease how long a successful check lets the leader deliver; a new leader waits this long before it acts
 */
@Validated
@ConfigurationProperties("analytips.replicas")
public record ReplicaProperties(Boolean shared, @NotNull Duration leadRetry, @NotNull Duration leadCheck,
		@NotNull Duration leadLease) {

	public ReplicaProperties {
		if (leadCheck != null && leadLease != null && leadCheck.compareTo(leadLease) >= 0) {
			throw new IllegalArgumentException("analytips.replicas.lead-check (" + leadCheck
					+ ") must be shorter than analytips.replicas.lead-lease (" + leadLease + ")");
		}
	}

	/** Whether the lead must be elected: {@link #shared()}, or by default whether the database is external. */
	boolean electLeader(DatabaseServer server) {
		return shared != null ? shared : !server.isEmbedded();
	}
}
