package io.analytips.bot;

import java.util.List;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.TestContexts;
import io.analytips.pipeline.UpdateContext;
import io.analytips.support.FanSession;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which presses only move between menus (the larger allowance) and which cost work (an upstream
 * call or a model run: the stricter limit).
 */
class NavigationTest {

	private final Messages messages = new Messages();

	private final Menus menus = new Menus(messages);

	private static UpdateContext press(String data) {
		var json = Updates.callback(5, data);
		json.put("update_id", 1);
		return TestContexts.of(ReceivedUpdate.parse(1, json.toString()));
	}

	@Test
	void menusListsAndTheSearchPromptAreNavigation() {
		Handler menu = new MenuHandler(messages, menus, null);
		Handler browse = new BrowseHandler(null, List.of(71, 39), messages, menus, new Leagues(messages), null,
				DisplayNames.AS_GIVEN);
		Handler leagues = new LeaguesHandler(null, List.of(71, 39), messages, menus, new Leagues(messages), null,
				DisplayNames.AS_GIVEN, null);
		Handler search = new SearchHandler(null, null, messages, menus, null, null);
		Handler recent = new RecentHandler(null, null, messages, menus, null, DisplayNames.AS_GIVEN);
		Handler about = new AboutHandler(messages, menus, new Leagues(messages), List.of(71), league -> null, null);
		Handler settings = new SettingsHandler(null, messages, menus, null);
		assertThat(menu.isNavigation(press("m"))).isTrue();
		assertThat(menu.isNavigation(press("h"))).isTrue();
		for (String data : new String[] { "t", "l:39:0", "f:3900871", "f:3900871:l:39:0" }) {
			assertThat(browse.isNavigation(press(data))).as(data).isTrue();
		}
		for (String data : new String[] { "lg", "lh:39", "tb:39", "ln:39:1" }) {
			assertThat(leagues.isNavigation(press(data))).as(data).isTrue();
		}
		assertThat(search.isNavigation(press("s"))).isTrue();
		assertThat(search.isNavigation(press("x"))).isTrue();
		assertThat(recent.isNavigation(press("r"))).isTrue();
		assertThat(recent.isNavigation(press("ra:17"))).isTrue();
		assertThat(about.isNavigation(press("ab:71"))).isTrue();
		assertThat(settings.isNavigation(press("cfg"))).isTrue();
		assertThat(settings.isNavigation(press("tz"))).isTrue();
		assertThat(new FallbackCallbackHandler(messages, null).isNavigation(press("old"))).isTrue();
	}

	/**
	 * The fan session the shipped limits are measured against ({@code pipeline.intake.FanSessionTest}) counts each
	 * press as these handlers do, taken in the bot's order; what is typed is always work.
	 */
	@Test
	void theFanSessionCountsEveryUpdateAgainstTheLimitTheBotCountsItAgainst() {
		List<Integer> offered = List.of(71, 39, 140, 135);
		List<Handler> handlers = List.of(new MenuHandler(messages, menus, null),
				new BrowseHandler(null, offered, messages, menus, new Leagues(messages), null, DisplayNames.AS_GIVEN),
				new LeaguesHandler(null, offered, messages, menus, new Leagues(messages), null, DisplayNames.AS_GIVEN, null),
				new AnalysisHandler(null),
				new RecentHandler(null, null, messages, menus, null, DisplayNames.AS_GIVEN),
				new AboutHandler(messages, menus, new Leagues(messages), offered, league -> null, null),
				new SettingsHandler(null, messages, menus, null), new SearchHandler(null, null, messages, menus, null, null),
				new FallbackCallbackHandler(messages, null));
		for (FanSession.Step step : FanSession.steps()) {
			if (step.data() == null) {
				assertThat(step.navigation()).as(step.toString()).isFalse();
				continue;
			}
			UpdateContext pressed = press(step.data());
			Handler handler = handlers.stream().filter(h -> h.supports(pressed)).findFirst().orElseThrow();
			assertThat(handler).as(step.toString()).isNotInstanceOf(FallbackCallbackHandler.class);
			assertThat(handler.isNavigation(pressed)).as(step.toString()).isEqualTo(step.navigation());
		}
	}

	@Test
	void analysesATeamsGamesAndChoosingASettingAreWork() {
		Handler analysis = new AnalysisHandler(null);
		Handler search = new SearchHandler(null, null, messages, menus, null, null);
		Handler settings = new SettingsHandler(null, messages, menus, null);
		assertThat(analysis.isNavigation(press("a:3900871:full"))).isFalse();
		assertThat(analysis.isNavigation(press("a:3900871:full:tm:71005"))).isFalse();
		assertThat(analysis.supports(press("at:3900871:tm:71005"))).isTrue();
		assertThat(analysis.isNavigation(press("at:3900871:tm:71005"))).as("a picture's text analysis").isFalse();
		assertThat(search.isNavigation(press("tm:39001"))).isFalse();
		assertThat(settings.isNavigation(press("lang:en"))).isFalse();
		assertThat(settings.isNavigation(press("tz:3"))).isFalse();
	}
}
