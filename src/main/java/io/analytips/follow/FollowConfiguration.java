package io.analytips.follow;

import java.time.Clock;

import io.analytips.store.AlertRepository;
import io.analytips.store.FollowRepository;
import io.analytips.store.ForecastRepository;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Following teams and leagues: the chats' choices, the leader's alert rounds, the bot's record. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FollowProperties.class)
class FollowConfiguration {

	@Bean
	Following following(FollowRepository follows, AlertRepository alerts, FollowProperties properties, Clock clock) {
		return new Following(follows, alerts, properties.beforeKickoff(), clock);
	}

	@Bean
	TrackRecords trackRecords(ForecastRepository forecasts) {
		return new TrackRecords(forecasts);
	}
}
