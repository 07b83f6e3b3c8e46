package io.analytips.host;

import java.time.Clock;
import java.time.Duration;

import io.analytips.common.BotToken;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.Notices;
import io.analytips.pipeline.PipelineProperties;
import io.analytips.pipeline.UpdateListener;
import io.analytips.pipeline.UserTracker;
import io.analytips.replica.Leadership;
import io.analytips.replica.SharedLead;
import io.analytips.store.BotRepository;
import io.analytips.store.InboxAnnouncements;
import io.analytips.store.InboxRepository;
import io.analytips.store.TokenCipher;
import io.analytips.telegram.BotApi;
import io.analytips.telegram.TelegramCallsFactory;
import io.analytips.telegram.TelegramProperties;
import io.analytips.telegram.WebhookAccess;
import io.analytips.telegram.WebhookRoutes;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The host of the deployment's bots, and the webhook endpoints of those that take updates by webhook. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BotsProperties.class)
class HostConfiguration {

	/** How often the host looks for a refused token and for bots added or removed on another replica. */
	static final Duration WATCH_EVERY = Duration.ofSeconds(2);

	/**
	 * With a {@link BotApi} bean (the demo's console, which stands in for Telegram) every bot talks to it; else each
	 * bot's client is its own. With an {@link UpdateListener} bean (the console too), told when each update is over.
	 */
	/** The tokens' check: needs only the Telegram settings (the start-up check runs it before the database starts). */
	@Bean
	TokenChecks tokenChecks(TelegramProperties telegram, BotsProperties bots, ObjectProvider<BotApi> fixedApi) {
		return new TokenChecks(BotToken.listed(bots.tokens(), telegram.botToken()), telegram, fixedApi.getIfAvailable());
	}

	@Bean
	BotHost botHost(TokenChecks checks, TelegramProperties telegram, PipelineProperties pipeline, BotsProperties bots,
			ObjectProvider<Handler> handlers, Notices notices, UserTracker users, Clock clock,
			ObjectProvider<Leadership> leadership, ObjectProvider<UpdateListener> listener, MeterRegistry registry,
			ObjectProvider<TelegramCallsFactory> calls, ObjectProvider<BotApi> fixedApi,
			ObjectProvider<InboxRepository> inbox, ObjectProvider<InboxAnnouncements> announcements,
			ObjectProvider<BotListener> listeners, ObjectProvider<BotVault> vault) {
		SharedLead lead = new SharedLead(leadership.getIfAvailable(() -> Leadership.SOLE));
		InboxRepository rows = pipeline.inbox() == PipelineProperties.InboxKind.MEMORY ? null : inbox.getIfAvailable();
		BotFactory.Shared shared = new BotFactory.Shared(handlers.orderedStream().toList(), notices, users, clock, lead,
				listener.getIfAvailable(() -> UpdateListener.NONE), registry,
				calls.getIfAvailable(() -> TelegramCallsFactory.NONE), fixedApi.getIfAvailable(), rows,
				lead.shared() ? announcements.getIfAvailable() : null);
		return new BotHost(checks,
				new BotFactory(telegram, pipeline, bots, shared), vault.getIfAvailable(() -> BotVault.NONE), lead,
				listeners.orderedStream().toList(), WATCH_EVERY);
	}

	/**
	 * Where the bots added through the admin API are kept: the {@code bots} table, their tokens encrypted under
	 * {@code BOTS_TOKEN_KEY}; without the key nothing is kept and bots cannot be added while running.
	 */
	@Bean
	BotVault botVault(BotsProperties bots, ObjectProvider<BotRepository> repository, Clock clock) {
		BotRepository rows = repository.getIfAvailable();
		if (bots.tokenKey().isEmpty() || rows == null) {
			return BotVault.NONE;
		}
		return new StoredBots(rows, TokenCipher.fromBase64Key(bots.tokenKey()), clock);
	}

	/** {@code POST /telegram/webhook/{bot}} for each bot taking updates by webhook; {@code /telegram/webhook}: the first. */
	@Bean
	RouterFunction<ServerResponse> webhookRoutes(BotHost host, WebhookAccess access) {
		return WebhookRoutes.of(host::webhookOf, access);
	}
}
