package io.analytips.telegram;

import java.time.Clock;

import io.analytips.common.Leadership;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The Bot API client, the outbound scheduler and the update source chosen by {@code TELEGRAM_MODE}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ TelegramProperties.class, WebhookAccess.class })
class TelegramConfiguration {

	/** Telegram over HTTP; the offline demo's console replaces it ({@code console} profile). */
	@Bean
	@Profile("!console")
	TelegramClient telegramClient(TelegramProperties properties, ObjectProvider<TelegramCalls> calls) {
		return new TelegramClient(properties, calls.getIfAvailable(() -> TelegramCalls.NONE));
	}

	@Bean
	OutboundScheduler outboundScheduler(BotApi client, TelegramProperties properties, Clock clock,
			ObjectProvider<OutboundListener> listener, ObjectProvider<Leadership> leadership) {
		return new OutboundScheduler(client, properties, clock, listener.getIfAvailable(() -> OutboundListener.NONE),
				leadership.getIfAvailable(() -> Leadership.SOLE));
	}

	@Bean
	@ConditionalOnProperty(name = "analytips.telegram.mode", havingValue = "polling", matchIfMissing = true)
	LongPollingSource longPollingSource(BotApi client, UpdateStore store, TelegramProperties properties,
			Clock clock, ObjectProvider<Leadership> leadership) {
		return new LongPollingSource(client, store, properties, clock, leadership.getIfAvailable(() -> Leadership.SOLE));
	}

	@Bean
	@ConditionalOnProperty(name = "analytips.telegram.mode", havingValue = "webhook")
	WebhookSource webhookSource(BotApi client, UpdateStore store, TelegramProperties properties, Clock clock,
			ObjectProvider<Leadership> leadership) {
		return new WebhookSource(client, store, properties, clock, leadership.getIfAvailable(() -> Leadership.SOLE).shared());
	}

	@Bean
	@ConditionalOnProperty(name = "analytips.telegram.mode", havingValue = "webhook")
	RouterFunction<ServerResponse> webhookRoutes(WebhookSource source, WebhookAccess access) {
		return WebhookRoutes.of(source, access);
	}
}
