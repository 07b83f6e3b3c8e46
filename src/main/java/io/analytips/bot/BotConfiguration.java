package io.analytips.bot;

import java.time.Clock;

import io.analytips.football.AnalysisService;
import io.analytips.football.FootballData;
import io.analytips.football.TeamSearch;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.pipeline.Handler;
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
	Leagues leagues(Messages messages) {
		return new Leagues(messages);
	}

	@Bean
	SearchState searchState(ConversationRepository conversations, Clock clock) {
		return new SearchState(conversations, clock);
	}

	@Bean
	TeamScreens teamScreens(TeamSearch search, FootballData data, Messages messages, Menus menus) {
		return new TeamScreens(search, data, messages, menus);
	}

	// The handlers wrapped in EndsSearch take the user elsewhere: a search they had begun ends.

	@Bean
	@Order(10)
	Handler startHandler(Messages messages, Menus menus, SearchState search) {
		return new EndsSearch(new StartHandler(messages, menus), search);
	}

	@Bean
	@Order(30)
	Handler menuHandler(Messages messages, Menus menus, SearchState search) {
		return new EndsSearch(new MenuHandler(messages, menus), search);
	}

	@Bean
	@Order(40)
	Handler browseHandler(FootballData data, ApiFootballProperties properties, Messages messages, Menus menus,
			Leagues leagues, SearchState search) {
		return new EndsSearch(new BrowseHandler(data, properties.leagues(), messages, menus, leagues), search);
	}

	@Bean
	@Order(50)
	Handler analysisHandler(AnalysisService analyses, AnalysisRepository history, FootballData data,
			Messages messages, Menus menus, Leagues leagues, Clock clock, SearchState search) {
		return new EndsSearch(new AnalysisHandler(analyses, history, new AnalysisText(messages, data.zone(), leagues),
				messages, menus, clock), search);
	}

	@Bean
	@Order(60)
	Handler recentHandler(AnalysisRepository history, Messages messages, Menus menus, SearchState search) {
		return new EndsSearch(new RecentHandler(history, messages, menus), search);
	}

	@Bean
	@Order(800)
	SearchHandler searchHandler(TeamScreens teams, SearchState search, Messages messages, Menus menus,
			MeterRegistry registry) {
		return new SearchHandler(teams, search, messages, menus, registry);
	}

	@Bean
	@Order(70)
	Handler nextGamesHandler(TeamScreens teams, Messages messages, SearchState search) {
		return new EndsSearch(new NextGamesHandler(teams, messages), search);
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
