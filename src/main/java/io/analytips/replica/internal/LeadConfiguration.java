package io.analytips.replica.internal;

import java.time.Clock;

import io.analytips.common.Periodic;
import io.analytips.replica.Leadership;
import io.analytips.store.DatabaseServer;
import io.analytips.store.Retention;
import io.r2dbc.pool.ConnectionPool;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lead among the replicas that share the database, on the store's server and connection pool, and the store's
 * upkeep that only the leader does (the store itself knows nothing of the lead).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeadProperties.class)
class LeadConfiguration {

	/**
	 * The polling lead: elected among the replicas on a shared (external) database, on a connection of its own
	 * (the pool's factory, unpooled); a lone process with the embedded database leads at once.
	 */
	@Bean
	Leadership leadership(DatabaseServer server, ConnectionPool pool, LeadProperties properties, Clock clock) {
		if (!properties.electLeader(server)) {
			return Leadership.SOLE;
		}
		return new LeaseRowLeadership(pool.unwrap(), System::nanoTime, Schedulers.parallel(), properties.retry(),
				properties.check(), properties.lease());
	}

	/** The purges of {@code analytips.database.retention.*}, by the replica that leads. */
	@Bean
	Periodic retentionPurges(Retention retention, Leadership leadership) {
		return retention.schedule(Schedulers.parallel(), leadership::leads);
	}
}
