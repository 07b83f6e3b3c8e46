package io.analytips.pipeline;

import io.analytips.common.Periodic;
import io.analytips.pipeline.inbox.InboxPurge;
import io.analytips.replica.Leadership;
import io.analytips.store.InboxRepository;
import io.analytips.store.UserRepository;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pipeline's settings and what every bot's pipeline shares; each bot's own pipeline is built by the host
 * ({@code io.analytips.host}) with {@link Pipelines}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PipelineProperties.class)
class PipelineConfiguration {

	/** The inbox's finished rows (every bot's) purged every hour, by the replica that leads. */
	@Bean
	Periodic inboxPurges(PipelineProperties properties, ObjectProvider<InboxRepository> repository,
			ObjectProvider<Leadership> leadership) {
		InboxRepository rows = properties.inbox() == PipelineProperties.InboxKind.MEMORY ? null : repository.getIfAvailable();
		return new InboxPurge(age -> rows == null ? Mono.just(0L) : rows.purgeFinishedOlderThan(age),
				properties.inboxRetention())
			.schedule(Schedulers.parallel(), leadership.getIfAvailable(() -> Leadership.SOLE));
	}

	@Bean
	UserTracker userTracker(UserRepository users, MeterRegistry registry) {
		return new UserTracker(users, registry);
	}
}
