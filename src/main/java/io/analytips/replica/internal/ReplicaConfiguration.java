package io.analytips.replica.internal;

import java.time.Clock;

import io.analytips.replica.Leadership;
import io.analytips.replica.ReplicaProperties;
import io.analytips.replica.Replicas;
import io.analytips.store.DatabaseProperties;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** This replica, its heartbeat and the {@code replicas} table it writes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplicaProperties.class)
class ReplicaConfiguration {

	@Bean
	ReplicaRepository replicaRepository(DatabaseClient client, DatabaseProperties properties) {
		return new ReplicaRepository(client, properties.callTimeout());
	}

	@Bean
	Replicas replicas(ReplicaRepository repository, ReplicaProperties properties, Clock clock,
			ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git, Leadership leadership) {
		return new Replicas(repository, properties.id(), version(build.getIfAvailable(), git.getIfAvailable()),
				properties.heartbeat(), clock, Schedulers.parallel(), leadership);
	}

	/** E.g. {@code 0.1.0-SNAPSHOT (2ad7e43)}; what is known of it, null when nothing is (run from an IDE). */
	static String version(BuildProperties build, GitProperties git) {
		String version = build == null ? null : build.getVersion();
		String commit = git == null ? null : git.getShortCommitId();
		if (version == null) {
			return commit;
		}
		return commit == null ? version : version + " (" + commit + ")";
	}
}
