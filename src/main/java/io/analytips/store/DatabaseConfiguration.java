package io.analytips.store;

import java.time.Clock;

import io.analytips.common.BotToken;
import io.r2dbc.pool.ConnectionPool;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The pooled R2DBC connection factory over {@link DatabaseServer}, and the repositories. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

	/** The embedded server starts only once what must come first passed ({@link BeforeEmbeddedStart}). */
	@Bean
	DatabaseServer databaseServer(DatabaseProperties properties, ObjectProvider<BeforeEmbeddedStart> first) {
		if (!properties.isExternal()) {
			first.orderedStream().forEach(BeforeEmbeddedStart::await);
		}
		return DatabaseServer.from(properties);
	}

	@Bean
	KeepDatabaseFolder keepDatabaseFolder(DatabaseServer server) {
		return new KeepDatabaseFolder(server);
	}

	@Bean(destroyMethod = "dispose")
	ConnectionPool connectionFactory(DatabaseServer server, DatabaseProperties properties) {
		return ConnectionPools.create(server.url(), properties.poolMaxSize(), properties.connectTimeout(),
				properties.acquireTimeout(), properties.statementTimeout());
	}

	@Bean
	DatabaseClient databaseClient(ConnectionPool connectionFactory) {
		return DatabaseClient.create(connectionFactory);
	}

	/** Announcements of stored updates between replicas, heard on a connection of its own (the pool's factory, unpooled). */
	@Bean
	InboxAnnouncements inboxAnnouncements(DatabaseClient client, ConnectionPool pool) {
		return new InboxAnnouncements(client, pool.unwrap());
	}

	/**
	 * The schema's migrations, and the callback scripts other configurations add (the demo's reset). The rows of a
	 * database from before several bots become the first configured bot's ({@link BotToken#firstId}); the tokens are
	 * read here as text, not through the Telegram settings, which the store does not depend on.
	 */
	@Bean
	Migrations migrations(DatabaseServer server, ObjectProvider<MigrationCallbacks> callbacks,
			@Value("${analytips.bots.tokens:${TELEGRAM_BOT_TOKENS:}}") String tokens,
			@Value("${analytips.telegram.bot-token:${TELEGRAM_BOT_TOKEN:}}") String token) {
		return new Migrations(server.url(), callbacks.orderedStream().toList(), BotToken.firstId(tokens, token));
	}

	@Bean
	InboxRepository inboxRepository(DatabaseClient client) {
		return new InboxRepository(client);
	}

	@Bean
	UserRepository userRepository(DatabaseClient client) {
		return new UserRepository(client);
	}

	@Bean
	ApiCacheRepository apiCacheRepository(DatabaseClient client, DatabaseProperties properties) {
		return new ApiCacheRepository(client, properties.callTimeout());
	}

	@Bean
	MarketPriceRepository marketPriceRepository(DatabaseClient client) {
		return new MarketPriceRepository(client);
	}

	@Bean
	AnalysisRepository analysisRepository(DatabaseClient client, Clock clock, DatabaseProperties properties) {
		return new AnalysisRepository(client, clock, properties.callTimeout());
	}

	@Bean
	ConversationRepository conversationRepository(DatabaseClient client, DatabaseProperties properties) {
		return new ConversationRepository(client, properties.callTimeout());
	}

	@Bean
	UserSettingsRepository userSettingsRepository(DatabaseClient client, DatabaseProperties properties) {
		return new UserSettingsRepository(client, properties.callTimeout());
	}

	/** The bots the deployment hosts, their tokens encrypted (the host encrypts them with its own TokenCipher). */
	@Bean
	BotRepository botRepository(DatabaseClient client, DatabaseProperties properties) {
		return new BotRepository(client, properties.callTimeout());
	}

	@Bean
	FollowRepository followRepository(DatabaseClient client, DatabaseProperties properties) {
		return new FollowRepository(client, properties.callTimeout());
	}

	@Bean
	AlertRepository alertRepository(DatabaseClient client, DatabaseProperties properties) {
		return new AlertRepository(client, properties.callTimeout());
	}

	@Bean
	WatchedFixtureRepository watchedFixtureRepository(DatabaseClient client, DatabaseProperties properties) {
		return new WatchedFixtureRepository(client, properties.callTimeout());
	}

	@Bean
	ForecastRepository forecastRepository(DatabaseClient client, DatabaseProperties properties) {
		return new ForecastRepository(client, properties.callTimeout());
	}

	@Bean
	PictureFileRepository pictureFileRepository(DatabaseClient client, DatabaseProperties properties) {
		return new PictureFileRepository(client, properties.callTimeout());
	}

	@Bean
	Retention retention(ApiCacheRepository cache, AnalysisRepository analyses, AlertRepository alerts,
			PictureFileRepository pictures, DatabaseProperties properties, Clock clock) {
		return new Retention(cache, analyses, alerts, pictures, properties.retention(), clock);
	}

	@Bean
	AuditLog auditLog(DatabaseClient client, Clock clock, DatabaseProperties properties) {
		return new AuditLog(client, clock, properties.callTimeout());
	}
}
