package io.analytips.bot;

import java.time.Clock;

import io.analytips.follow.AlertTexts;
import io.analytips.follow.Following;
import io.analytips.follow.TrackRecords;
import io.analytips.football.AnalysisService;
import io.analytips.football.BundledValueRule;
import io.analytips.football.FootballData;
import io.analytips.football.TeamNames;
import io.analytips.football.TeamSearch;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.picture.PictureProperties;
import io.analytips.picture.Pictures;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.HandlerOrder;
import io.analytips.pipeline.Notices;
import io.analytips.pipeline.UserTracker;
import io.analytips.store.AnalysisRepository;
import io.analytips.store.ConversationRepository;
import io.analytips.store.UserSettingsRepository;
import io.analytips.telegram.BotApi;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The bot's handlers, in the order they are tried: commands and buttons first (10–90), the search conversation,
 * which takes free text (800), then the fallbacks (900–1010).
 */
@Configuration(proxyBeanMethods = false)
class BotConfiguration {

	@Bean
	Messages messages() {
		return new Messages();
	}

	@Bean
	Preferences preferences(UserSettingsRepository settings, ApiFootballProperties football, Clock clock) {
		return new Preferences(settings, football.timezone(), clock);
	}

	@Bean
	Notices notices(Messages messages, Preferences preferences) {
		return new BotNotices(messages, preferences);
	}

	@Bean
	Menus menus(Messages messages) {
		return new Menus(messages);
	}

	@Bean
	Leagues leagues(Messages messages) {
		return new Leagues(messages);
	}

	/** The names fans write, from the bundled table of clubs ({@link TeamNames}). */
	@Bean
	DisplayNames displayNames() {
		return new DisplayNames() {

			@Override
			public String display(String apiName) {
				return TeamNames.display(apiName);
			}

			@Override
			public String display(String apiName, int width) {
				return TeamNames.display(apiName, width);
			}
		};
	}

	@Bean
	SearchState searchState(ConversationRepository conversations, Clock clock) {
		return new SearchState(conversations, clock);
	}

	@Bean
	TeamScreens teamScreens(TeamSearch search, FootballData data, Messages messages, Menus menus, Following following) {
		return new TeamScreens(search, data, messages, menus, following);
	}

	/** The alerts' words, for the leader's alert rounds ({@code io.analytips.follow}). */
	@Bean
	AlertTexts alertTexts(Messages messages, Leagues leagues, DisplayNames names) {
		return new AlertScreens(messages, leagues, names);
	}

	// The handlers wrapped in EndsSearch take the user elsewhere: a search they had begun ends.

	/** What deep links open: a fixture's menu as browsing shows it, a team's games as a search does. */
	@Bean
	DeepLinkScreens deepLinkScreens(FootballData data, ApiFootballProperties properties, Messages messages, Menus menus,
			Leagues leagues, Preferences preferences, DisplayNames names, TeamScreens teams) {
		return new DeepLinkScreens(new BrowseHandler(data, properties.leagues(), messages, menus, leagues, preferences,
				names), teams);
	}

	/** The pictures sent lately, which the inline cards offer as pictures (any other card is text). */
	@Bean
	SentPictures sentPictures(PictureProperties picture) {
		return new SentPictures(picture.remembered());
	}

	@Bean
	@Order(HandlerOrder.START)
	Handler startHandler(Messages messages, Menus menus, Preferences preferences, SearchState search,
			DeepLinkScreens links, AnalysisReplies analyses) {
		return new EndsSearch(new StartHandler(messages, menus, preferences, links, analyses), search);
	}

	/** Inline queries ({@code @bot <team>}): only they are taken here, so the order among buttons does not matter. */
	@Bean
	@Order(HandlerOrder.INLINE)
	InlineHandler inlineHandler(TeamScreens teams, FootballData data, ApiFootballProperties properties,
			AnalysisService analyses, InlinePictures pictures, Messages messages, Leagues leagues, DisplayNames names,
			Preferences preferences, Clock clock) {
		return new InlineHandler(new InlineFixtures(teams, data, properties.leagues(), clock),
				new InlineOdds(analyses, clock), pictures, new InlineCards(messages, leagues, names), messages, preferences);
	}

	@Bean
	@Order(HandlerOrder.HELP)
	HelpHandler helpHandler(Messages messages, Preferences preferences) {
		return new HelpHandler(messages, preferences);
	}

	@Bean
	@Order(HandlerOrder.MENU)
	Handler menuHandler(Messages messages, Menus menus, Preferences preferences, SearchState search) {
		return new EndsSearch(new MenuHandler(messages, menus, preferences), search);
	}

	@Bean
	@Order(HandlerOrder.BROWSE)
	Handler browseHandler(FootballData data, ApiFootballProperties properties, Messages messages, Menus menus,
			Leagues leagues, Preferences preferences, DisplayNames names, SearchState search) {
		return new EndsSearch(new BrowseHandler(data, properties.leagues(), messages, menus, leagues, preferences, names),
				search);
	}

	@Bean
	@Order(HandlerOrder.HEAD_TO_HEAD)
	Handler headToHeadHandler(FootballData data, Messages messages, Menus menus, Leagues leagues,
			Preferences preferences, DisplayNames names, SearchState search) {
		return new EndsSearch(new HeadToHeadHandler(data, messages, menus, leagues, preferences, names), search);
	}

	@Bean
	@Order(HandlerOrder.LEAGUES)
	Handler leaguesHandler(FootballData data, ApiFootballProperties properties, Messages messages, Menus menus,
			Leagues leagues, Preferences preferences, DisplayNames names, Clock clock, Following following,
			SearchState search) {
		return new EndsSearch(new LeaguesHandler(data, properties.leagues(), messages, menus, leagues, preferences, names,
				clock, following), search);
	}

	/** Analyses as a button or a deep link asks for them. */
	@Bean
	AnalysisReplies analysisReplies(AnalysisService analyses, AnalysisRepository history, Messages messages, Menus menus,
			Leagues leagues, Preferences preferences, DisplayNames names, Clock clock, Pictures pictures,
			PictureProperties picture, SentPictures sent) {
		return new AnalysisReplies(analyses, history, new AnalysisText(messages, leagues, names), messages, menus,
				preferences, clock, new PictureWords(messages, leagues, names), picture.enabled() ? pictures : null, sent);
	}

	@Bean
	@Order(HandlerOrder.ANALYSIS)
	Handler analysisHandler(AnalysisReplies replies, SearchState search) {
		return new EndsSearch(new AnalysisHandler(replies), search);
	}

	@Bean
	@Order(HandlerOrder.RECENT)
	Handler recentHandler(AnalysisRepository history, FootballData data, Messages messages, Menus menus,
			Preferences preferences, DisplayNames names, SearchState search) {
		return new EndsSearch(new RecentHandler(history, data, messages, menus, preferences, names), search);
	}

	@Bean
	@Order(HandlerOrder.ABOUT)
	Handler aboutHandler(Messages messages, Menus menus, Leagues leagues, ApiFootballProperties properties,
			Preferences preferences, SearchState search) {
		return new EndsSearch(new AboutHandler(messages, menus, leagues, properties.leagues(), BundledValueRule::forLeague,
				preferences), search);
	}

	@Bean
	@Order(HandlerOrder.SETTINGS)
	Handler settingsHandler(Preferences preferences, Messages messages, Menus menus, Clock clock, Following following,
			SearchState search) {
		return new EndsSearch(new SettingsHandler(preferences, messages, menus, clock, following), search);
	}

	@Bean
	@Order(HandlerOrder.NEXT_GAMES)
	Handler nextGamesHandler(TeamScreens teams, Messages messages, Preferences preferences, SearchState search) {
		return new EndsSearch(new NextGamesHandler(teams, messages, preferences), search);
	}

	@Bean
	@Order(HandlerOrder.FOLLOW)
	Handler followHandler(TeamScreens teams, Following following, SearchState search, Leagues leagues, DisplayNames names,
			Messages messages, Menus menus, Preferences preferences) {
		return new EndsSearch(new FollowHandler(teams, following, search, leagues, names, messages, menus, preferences),
				search);
	}

	@Bean
	@Order(HandlerOrder.MY_TEAMS)
	Handler myTeamsHandler(Following following, Leagues leagues, DisplayNames names, Messages messages, Menus menus,
			Preferences preferences, SearchState search) {
		return new EndsSearch(new MyTeamsHandler(following, leagues, names, messages, menus, preferences), search);
	}

	@Bean
	@Order(HandlerOrder.RECORD)
	Handler recordHandler(TrackRecords records, Leagues leagues, Messages messages, Menus menus, Preferences preferences,
			SearchState search) {
		return new EndsSearch(new RecordHandler(records, leagues, messages, menus, preferences), search);
	}

	@Bean
	@Order(HandlerOrder.SEARCH)
	SearchHandler searchHandler(TeamScreens teams, SearchState search, Messages messages, Menus menus,
			MeterRegistry registry, Preferences preferences) {
		return new SearchHandler(teams, search, messages, menus, registry, preferences);
	}

	@Bean
	@Order(HandlerOrder.MEMBERSHIP)
	MembershipHandler membershipHandler(UserTracker users, Following following) {
		return new MembershipHandler(users, following);
	}

	@Bean
	@Order(HandlerOrder.FALLBACK_MESSAGE)
	FallbackMessageHandler fallbackMessageHandler(Messages messages, Preferences preferences) {
		return new FallbackMessageHandler(messages, preferences);
	}

	@Bean
	@Order(HandlerOrder.FALLBACK_BUTTON)
	FallbackCallbackHandler fallbackCallbackHandler(Messages messages, Preferences preferences) {
		return new FallbackCallbackHandler(messages, preferences);
	}

	@Bean
	BotCommandsRegistrar botCommandsRegistrar(Messages messages) {
		return new BotCommandsRegistrar(messages);
	}
}
