package io.analytips.telegram;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The Bot API settings. Each hosted bot's client, outbound scheduler and update source are its own, built by the
 * host ({@code io.analytips.host}) from these settings and the bot's token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ TelegramProperties.class, WebhookAccess.class })
class TelegramConfiguration {
}
