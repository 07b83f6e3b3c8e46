package io.analytips.bot;

import java.time.Clock;

import io.analytips.football.AnalysisService;
import io.analytips.football.FootballData;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.pipeline.Notices;
import io.analytips.pipeline.UserTracker;
import io.analytips.store.AnalysisRepository;
import io.analytips.store.ConversationRepository;
import io.analytips.telegram.BotApi;
import io.micrometer.core.instrument.MeterRegistry;

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
	Menus menus(Messages messages) {
		return new Menus(messages);
	}

	@Bean
	@Order(10)
	StartHandler startHandler(Messages messages, Menus menus) {
		return new StartHandler(messages, menus);
	}

	@Bean
	@Order(30)
	MenuHandler menuHandler(Messages messages, Menus menus) {
		return new MenuHandler(messages, menus);
	}

	@Bean
	@Order(40)
	BrowseHandler browseHandler(FootballData data, ApiFootballProperties properties, Messages messages, Menus menus) {
		return new BrowseHandler(data, properties.leagues(), messages, menus);
	}

	@Bean
	@Order(50)
	AnalysisHandler analysisHandler(AnalysisService analyses, AnalysisRepository history, FootballData data,
			Messages messages, Menus menus, Clock clock) {
		return new AnalysisHandler(analyses, history, new AnalysisText(messages, data.zone()), messages, menus, clock);
	}

	@Bean
	@Order(60)
	RecentHandler recentHandler(AnalysisRepository history, Messages messages, Menus menus) {
		return new RecentHandler(history, messages, menus);
	}

	@Bean
	@Order(800)
	SearchHandler searchHandler(FootballData data, ConversationRepository conversations, Messages messages, Menus menus,
			Clock clock, MeterRegistry registry) {
		return new SearchHandler(data, conversations, messages, menus, clock, registry);
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
	BotCommandsRegistrar botCommandsRegistrar(BotApi client, Messages messages) {
		return new BotCommandsRegistrar(client, messages);
	}
}
