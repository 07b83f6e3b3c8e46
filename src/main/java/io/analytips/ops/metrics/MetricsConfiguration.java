package io.analytips.ops.metrics;

import java.time.Duration;

import io.analytips.common.Periodic;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.FootballCache;
import io.analytips.replica.ReplicaProperties;
import io.analytips.replica.Replicas;
import io.analytips.store.InboxRepository;
import io.analytips.host.BotListener;
import io.analytips.telegram.TelegramCallsFactory;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Micrometer meters: upstream calls, API-Football, the outbound scheduler, the inbox backlog, the replica tag. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	FootballMetrics footballMetrics(ResilientApiFootball api, FootballCache cache) {
		return new FootballMetrics(api, cache);
	}

	/**
	 * Every metric carries the replica's id ({@code replica} tag), so that the replicas' series stay apart
	 * in Prometheus. From the settings, not from {@link Replicas}: registries are made early, before the database.
	 */
	@Bean
	MeterRegistryCustomizer<MeterRegistry> replicaTag(ReplicaProperties replica) {
		return registry -> registry.config().commonTags("replica", replica.id());
	}

	@Bean
	InboxBacklogGauge inboxBacklogGauge(ObjectProvider<InboxRepository> inbox) {
		return new InboxBacklogGauge(() -> inbox.getIfAvailable() == null ? Mono.just(-1L) : inbox.getObject().backlog(),
				Schedulers.parallel());
	}

	@Bean
	Periodic inboxBacklogCounts(InboxBacklogGauge gauge) {
		return new Periodic(Duration.ZERO, Duration.ofSeconds(15), Schedulers.parallel(), gauge::refresh);
	}

	@Bean
	CallMetrics callMetrics(MeterRegistry registry) {
		return new CallMetrics(registry);
	}

	/** Each bot's Telegram calls, tagged with the bot by its registry. */
	@Bean
	TelegramCallsFactory telegramCalls() {
		return CallMetrics::forBot;
	}

	/** Each bot's outbound scheduler, bound as the bot starts. */
	@Bean
	BotListener outboundMetrics() {
		return OutboundMetrics.PER_BOT;
	}
}
