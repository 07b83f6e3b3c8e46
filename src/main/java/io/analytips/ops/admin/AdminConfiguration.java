package io.analytips.ops.admin;

import java.time.Clock;

import io.analytips.bot.Messages;
import io.analytips.follow.Following;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.FootballCache;
import io.analytips.host.BotHost;
import io.analytips.ops.logs.LogBuffer;
import io.analytips.pipeline.HandlerOrder;
import io.analytips.replica.Replicas;
import io.analytips.store.AuditLog;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The admin commands ({@code /status}, {@code /getlog}, {@code /limpar_cache}), who may run them, the status report. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
class AdminConfiguration {

	@Bean(destroyMethod = "destroy")
	LogBuffer logBuffer() {
		return new LogBuffer(2000);
	}

	@Bean
	StatusReport statusReport(ObjectProvider<BotHost> host, ResilientApiFootball api,
			FootballCache cache, Replicas replicas, ObjectProvider<Following> following, Clock clock) {
		return new StatusReport(host::getObject, api, cache, replicas, clock.instant(),
				() -> following.stream().findFirst().map(Following::status).orElse(Mono.empty()));
	}

	@Bean
	@Order(HandlerOrder.ADMIN)
	AdminHandler adminHandler(AdminProperties admins, FootballCache cache, LogBuffer logs, StatusReport status,
			AuditLog audit, Messages messages, Clock clock) {
		return new AdminHandler(admins, cache, logs, status, audit, messages, clock);
	}
}
