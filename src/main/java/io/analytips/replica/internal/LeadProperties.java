package io.analytips.replica.internal;

import java.time.Duration;

import io.analytips.store.DatabaseServer;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How replicas sharing one PostgreSQL elect the one that polls and answers ({@link LeaseRowLeadership}).
 *
 * @param shared whether other replicas may share the database: {@code null} (the default) means yes with
 *        {@code DATABASE_URL} and no with the embedded database, which only this process can reach (it then leads
 *        at once, exactly as a lone bot)
 * @param retry how often a standby asks for the lead: with {@code lease}, bounds the takeover after the leader
 *        dies or freezes ({@code 2 × lease + retry})
 * @param check how often the leader renews its lease row
 * @param lease how long a renewal lets the leader deliver; a standby takes the row one more lease after it expired
 */
@Validated
@ConfigurationProperties("analytips.replica.lead")
public record LeadProperties(Boolean shared, @NotNull Duration retry, @NotNull Duration check,
		@NotNull Duration lease) {

	public LeadProperties {
		if (check != null && lease != null && check.compareTo(lease) >= 0) {
			throw new IllegalArgumentException("analytips.replica.lead.check (" + check
					+ ") must be shorter than analytips.replica.lead.lease (" + lease + ")");
		}
	}

	/** Whether the lead must be elected: {@link #shared()}, or by default whether the database is external. */
	boolean electLeader(DatabaseServer server) {
		return shared != null ? shared : !server.isEmbedded();
	}
}
