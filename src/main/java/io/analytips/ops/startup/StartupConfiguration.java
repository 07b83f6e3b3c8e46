package io.analytips.ops.startup;

import java.time.Duration;
import java.util.List;

import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.host.TokenChecks;
import io.analytips.store.DatabaseServer;
import io.analytips.store.Migrations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The start-up checks and the sequence that runs them, then the migrations, before intake opens. */
@Configuration(proxyBeanMethods = false)
class StartupConfiguration {

	/** How long the main thread waits for the checks at most: their own budget is 15 s; this only guards against a bug. */
	private static final Duration DEADLINE = Duration.ofSeconds(30);

	@Bean
	ApiFootballStartupCheck apiFootballStartupCheck(ResilientApiFootball api, ApiFootballProperties properties) {
		return new ApiFootballStartupCheck(api, properties);
	}

	@Bean
	TelegramStartupCheck telegramStartupCheck(TokenChecks checks) {
		return new TelegramStartupCheck(checks);
	}

	@Bean
	DatabaseStartupCheck databaseStartupCheck(DatabaseClient db, DatabaseServer server) {
		return new DatabaseStartupCheck(db, server.url());
	}

	/** Telegram and API-Football: before the embedded database starts, since they need nothing of it. */
	@Bean
	ServiceChecks serviceChecks(TelegramStartupCheck telegram, ApiFootballStartupCheck apiFootball) {
		return new ServiceChecks(validator(List.of(telegram, apiFootball)), DEADLINE);
	}

	@Bean
	StartupSequence startupSequence(ServiceChecks services, DatabaseStartupCheck database, Migrations migrations) {
		return new StartupSequence(services, validator(List.of(database)), migrations, DEADLINE);
	}

	/**
	 * Up to three attempts of at most 4 s each, with about 1 s and 2 s pauses, and 15 s in all: an operator whose
	 * hosts cannot be reached learns which within 15 s, while a service still starting (a database coming up
	 * beside the bot) gets its retries.
	 */
	private static StartupValidator validator(List<StartupCheck> checks) {
		return new StartupValidator(checks, Duration.ofSeconds(4), 2, Duration.ofSeconds(15));
	}
}
