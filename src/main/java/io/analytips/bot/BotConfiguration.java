package io.analytips.bot;

import io.analytips.pipeline.Notices;
import io.analytips.pipeline.UserTracker;
import io.analytips.telegram.TelegramClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The bot's handlers, in the order they are tried: specific commands first, fallbacks last
 * (gaps in the numbers leave room for the features still to come).
 */
@Configuration(proxyBeanMethods = false)
class BotConfiguration {

	@Bean
	Messages messages() {
		return new Messages();
	}

	@Bean
	Notices notices(Messages messages) {
		return new BotNotices(messages);
	}

	@Bean
	@Order(10)
	StartHandler startHandler(Messages messages) {
		return new StartHandler(messages);
	}

	@Bean
	@Order(20)
	HelpHandler helpHandler(Messages messages) {
		return new HelpHandler(messages);
	}

	@Bean
	@Order(900)
	MembershipHandler membershipHandler(UserTracker users) {
		return new MembershipHandler(users);
	}

	@Bean
	@Order(1000)
	FallbackMessageHandler fallbackMessageHandler(Messages messages) {
		return new FallbackMessageHandler(messages);
	}

	@Bean
	@Order(1010)
	FallbackCallbackHandler fallbackCallbackHandler(Messages messages) {
		return new FallbackCallbackHandler(messages);
	}

	@Bean
	BotCommandsRegistrar botCommandsRegistrar(TelegramClient client, Messages messages) {
		return new BotCommandsRegistrar(client, messages);
	}
}
