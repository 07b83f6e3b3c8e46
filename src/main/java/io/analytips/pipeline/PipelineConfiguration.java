package io.analytips.pipeline;

import java.time.Clock;
import java.time.Duration;

import io.analytips.common.Leadership;
import io.analytips.common.Periodic;
import io.analytips.store.InboxAnnouncements;
import io.analytips.store.InboxRepository;
import io.analytips.store.UserRepository;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.UpdateSource;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the pipeline from its settings, the transport, the store and the bot's handlers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PipelineProperties.class)
class PipelineConfiguration {

	/** With replicas on one database, the inbox also carries their announcements of stored updates. */
	@Bean
	Inbox inbox(PipelineProperties properties, ObjectProvider<InboxRepository> repository, Clock clock,
			ObjectProvider<Leadership> leadership, ObjectProvider<InboxAnnouncements> announcements) {
		if (properties.inbox() == PipelineProperties.InboxKind.MEMORY) {
			return new MemoryInbox(clock);
		}
		boolean shared = leadership.getIfAvailable(() -> Leadership.SOLE).shared();
		return new PostgresInbox(repository.getObject(), Duration.ofSeconds(5), Duration.ofSeconds(30),
				shared ? announcements.getObject() : null);
	}

	/** The inbox's finished rows purged every hour, by the replica that leads. */
	@Bean
	Periodic inboxPurges(Inbox inbox, PipelineProperties properties, ObjectProvider<Leadership> leadership) {
		return new InboxPurge(inbox, properties.inboxRetention()).schedule(Schedulers.parallel(),
				leadership.getIfAvailable(() -> Leadership.SOLE));
	}

	@Bean
	UserTracker userTracker(UserRepository users, MeterRegistry registry) {
		return new UserTracker(users, registry);
	}

	@Bean
	PipelineMetrics pipelineMetrics(MeterRegistry registry) {
		return new PipelineMetrics(registry);
	}

	/** With an {@link UpdateListener} bean (the demo's console), told when each update is over. */
	@Bean
	UpdatePipeline updatePipeline(UpdateSource source, Inbox inbox, OutboundScheduler outbound,
			ObjectProvider<Handler> handlers, Notices notices, UserTracker users, PipelineProperties properties,
			PipelineMetrics metrics, Clock clock, ObjectProvider<Leadership> leadership,
			ObjectProvider<UpdateListener> listener) {
		return Pipelines.build(source, inbox, outbound, handlers.orderedStream().toList(), notices, users, properties,
				metrics, clock, leadership.getIfAvailable(() -> Leadership.SOLE),
				listener.getIfAvailable(() -> UpdateListener.NONE));
	}
}
