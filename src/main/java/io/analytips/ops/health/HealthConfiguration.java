package io.analytips.ops.health;

import java.time.Clock;

import io.analytips.football.api.ResilientApiFootball;
import io.analytips.host.BotHost;
import io.analytips.ops.metrics.InboxBacklogGauge;
import io.analytips.replica.Replicas;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health indicators of {@code /actuator/health}: pipeline, Telegram, replica, API-Football. */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	@Bean
	PipelineHealthIndicator pipelineHealthIndicator(BotHost host, InboxBacklogGauge backlog) {
		return new PipelineHealthIndicator(host, backlog::value);
	}

	@Bean
	TelegramHealthIndicator telegramHealthIndicator(BotHost host, Clock clock) {
		return new TelegramHealthIndicator(host, clock);
	}

	@Bean
	ReplicaHealthIndicator replicaHealthIndicator(Replicas replicas) {
		return new ReplicaHealthIndicator(replicas);
	}

	@Bean
	ApiFootballHealthIndicator apiFootballHealthIndicator(ResilientApiFootball api) {
		return new ApiFootballHealthIndicator(api);
	}
}
