package io.analytips.ops.startup;

import java.util.Map;
import java.util.Set;

/**
 * The environment variables of docs/configuration.md and the Spring properties they set (see
 * application.yml), so that a configuration error names the variable an operator sets.
 */
final class Settings {

	private static final Map<String, String> ENVIRONMENT = Map.ofEntries(
			Map.entry("analytips.telegram.bot-token", "TELEGRAM_BOT_TOKEN"),
			Map.entry("analytips.bots.tokens", "TELEGRAM_BOT_TOKENS"),
			Map.entry("analytips.bots.token-key", "BOTS_TOKEN_KEY"),
			Map.entry("analytips.telegram.api-url", "TELEGRAM_API_URL"),
			Map.entry("analytips.telegram.mode", "TELEGRAM_MODE"),
			Map.entry("analytips.telegram.webhook-url", "TELEGRAM_WEBHOOK_URL"),
			Map.entry("analytips.telegram.webhook-secret", "TELEGRAM_WEBHOOK_SECRET"),
			Map.entry("analytips.telegram.global-rate", "TELEGRAM_GLOBAL_RATE"),
			Map.entry("analytips.telegram.allow-paid-broadcast", "TELEGRAM_ALLOW_PAID_BROADCAST"),
			Map.entry("analytips.webhook.allowed-sources", "TELEGRAM_WEBHOOK_ALLOWED_SOURCES"),
			Map.entry("analytips.database.url", "DATABASE_URL"),
			Map.entry("analytips.replica.id", "REPLICA_ID"),
			Map.entry("analytips.bot.rate-limit", "BOT_RATE_LIMIT"),
			Map.entry("analytips.bot.navigation-rate-limit", "BOT_NAVIGATION_RATE_LIMIT"),
			Map.entry("analytips.bot.rate-window", "BOT_RATE_WINDOW"),
			Map.entry("analytips.bot.queue-capacity", "BOT_QUEUE_CAPACITY"),
			Map.entry("analytips.bot.concurrency", "BOT_CONCURRENCY"),
			Map.entry("analytips.bot.chat-backlog", "BOT_CHAT_BACKLOG"),
			Map.entry("analytips.bot.shutdown-drain-timeout", "SHUTDOWN_DRAIN_TIMEOUT"),
			Map.entry("analytips.bot.log-updates", "LOG_UPDATES"),
			Map.entry("analytips.bot.parked-after", "BOT_PARKED_AFTER"),
			Map.entry("analytips.football.url", "API_FOOTBALL_URL"),
			Map.entry("analytips.football.key", "API_FOOTBALL_KEY"),
			Map.entry("analytips.football.rate-per-minute", "API_FOOTBALL_RATE_PER_MINUTE"),
			Map.entry("analytips.football.leagues", "API_FOOTBALL_LEAGUES"),
			Map.entry("analytips.football.background-quota-share", "API_FOOTBALL_BACKGROUND_SHARE"),
			Map.entry("analytips.football.timezone", "API_FOOTBALL_TIMEZONE"),
			Map.entry("analytips.market.sweep-enabled", "MARKET_SWEEP_ENABLED"),
			Map.entry("analytips.market.sweep-every", "MARKET_SWEEP_EVERY"),
			Map.entry("analytips.replica.lead.shared", "REPLICAS_SHARED"),
			Map.entry("analytips.console.language", "DEMO_LANGUAGE"),
			Map.entry("analytips.admin.admin-ids", "ADMIN_IDS"),
			Map.entry("analytips.admin.operator-ids", "OPERATOR_IDS"),
			Map.entry("analytips.admin.api-token", "ADMIN_API_TOKEN"),
			Map.entry("analytips.clock.start", "DEMO_DATE"),
			Map.entry("analytips.clock.speed", "DEMO_SPEED"),
			Map.entry("analytips.follow.before-kickoff", "ALERT_BEFORE_KICKOFF"),
			Map.entry("server.port", "SERVER_PORT"));

	/** Settings whose value must not be repeated in a line about them: it may go to a shared log. */
	private static final Set<String> SECRETS = Set.of("analytips.telegram.bot-token", "analytips.telegram.webhook-secret",
			"analytips.football.key", "analytips.admin.api-token", "analytips.database.url");

	private Settings() {
	}

	/** Whether the property's value is a secret (a token, a key, a URL that may hold a password). */
	static boolean isSecret(String property) {
		return SECRETS.contains(property);
	}

	/** The environment variable behind a property, or the property itself when it has none. */
	static String environmentName(String property) {
		return ENVIRONMENT.getOrDefault(property, property);
	}
}
