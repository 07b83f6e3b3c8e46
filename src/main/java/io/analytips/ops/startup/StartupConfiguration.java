package io.analytips.ops.startup;

import java.time.Duration;
import java.util.List;

import io.analytips.football.FootballData;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.store.DatabaseServer;
import io.analytips.store.Migrations;
import io.analytips.telegram.BotApi;
import io.analytips.telegram.TelegramProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The start-up checks and the sequence that runs them, then the migrations, before intake opens. */
@Configuration(proxyBeanMethods = false)
class StartupConfiguration {

	@Bean
	ApiFootballStartupCheck apiFootballStartupCheck(FootballData data, ApiFootballProperties properties) {
		return new ApiFootballStartupCheck(data, properties);
	}

	@Bean
	TelegramStartupCheck telegramStartupCheck(BotApi client, TelegramProperties properties) {
		return new TelegramStartupCheck(client, properties);
	}

	@Bean
	DatabaseStartupCheck databaseStartupCheck(DatabaseClient db, DatabaseServer server) {
		return new DatabaseStartupCheck(db, server.url());
	}

	@Bean
	StartupSequence startupSequence(ObjectProvider<StartupCheck> checks, Migrations migrations) {
		List<StartupCheck> all = checks.orderedStream().toList();
		// Up to three attempts of at most 4 s each, with about 1 s and 2 s pauses, and 15 s in all: an operator
		// whose hosts cannot be reached learns which within 15 s, while a service still starting (a database
		// coming up beside the bot) gets its retries. The sequence's own deadline only guards against a bug.
		StartupValidator validator = new StartupValidator(all, Duration.ofSeconds(4), 2, Duration.ofSeconds(15));
		return new StartupSequence(validator, migrations, Duration.ofSeconds(30));
	}
}
