package io.analytips.ops.health;

import java.time.Clock;

import io.analytips.football.api.ResilientApiFootball;
import io.analytips.ops.metrics.InboxBacklogGauge;
import io.analytips.pipeline.UpdatePipeline;
import io.analytips.pipeline.UserTracker;
import io.analytips.replica.Replicas;
import io.analytips.telegram.OutboundScheduler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health indicators of {@code /actuator/health}: pipeline, Telegram, replica, API-Football. */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	@Bean
	PipelineHealthIndicator pipelineHealthIndicator(UpdatePipeline pipeline, OutboundScheduler outbound,
			UserTracker users, InboxBacklogGauge backlog) {
		return new PipelineHealthIndicator(pipeline, outbound, users, backlog::value);
	}

	@Bean
	TelegramHealthIndicator telegramHealthIndicator(UpdatePipeline pipeline, UserTracker users, Clock clock) {
		return new TelegramHealthIndicator(pipeline, users, clock);
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
