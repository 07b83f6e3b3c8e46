package io.analytips;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.analytips.support.DemoTerminal.Screen;
import io.analytips.support.DemoTerminal;
import io.analytips.support.Scratch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo stays right: runs on three dates in a row in one folder, each in Portuguese and in English, show on
 * every screen what a run in an empty folder shows for that date (a scripted walk, piped like
 * {@code printf '/start\n1\n…' | java -jar target/analytips.jar --demo}, through every screen numbers reach:
 * today's games, each league, a game and its five analyses, back, the menu, the leagues, a team found by name and
 * its next games, my analyses, help). The data left by a run on another date (cached answers, remembered prices)
 * must not show; the user's own history must: "My analyses" lists this run's analyses first, as an empty folder
 * does, then the earlier runs'. Buttons are pressed by the number the screen shows beside their label.
 */
class DemoDatesIT {

	/** July; then March of the next year (the Brasileirão's off-season); then back to December: the clock goes back. */
	private static final List<String> DATES = List.of("2026-07-20", "2027-03-14", "2026-12-06");

	private static final List<String> LANGUAGES = List.of("pt-br", "en");

	private static final List<String> ANALYSES = List.of("button.analysis.full", "button.analysis.goals",
			"button.analysis.corners", "button.analysis.btts", "button.analysis.result");

	/** Buttons that move between menus rather than show something of the day. */
	private static final List<String> NAVIGATION = List.of("button.back", "button.menu", "button.previous", "button.next",
			"button.cancel");

	private static final Pattern GAME = Pattern.compile("^(?:\\d{1,2}:\\d{2} )?(.+?) (?:x|vs|-|–) (.+)$");

	/** Six runs in one folder, one after the other, each beside a run in an empty folder (five more: the first is one). */
	@Test
	@Timeout(value = 20, unit = TimeUnit.MINUTES)
	void everyScreenOfARunInAUsedFolderIsTheScreenOfAnEmptyFolderForThatDay() throws Exception {
		long started = System.nanoTime();
		Path used = Scratch.directory("analytips-demo-used");
		ExecutorService beside = Executors.newSingleThreadExecutor();
		try {
			int run = 0;
			for (String date : DATES) {
				for (String language : LANGUAGES) {
					// Each language analyses a game of another league, so both leagues' analyses are compared every day.
					int league = LANGUAGES.indexOf(language);
					long runStarted = System.nanoTime();
					Future<Walk> empty = run == 0 ? null
							: beside.submit(() -> walk(Scratch.directory("analytips-demo-empty"), date, language, league));
					Walk inUsedFolder = walk(used, date, language, league);
					Walk inEmptyFolder = empty == null ? inUsedFolder : empty.get();
					assertSameScreens(date + " " + language, inUsedFolder, inEmptyFolder, run > 0);
					System.out.printf("%s %s: %d screens alike in %d s%n", date, language, inUsedFolder.screens().size(),
							Duration.ofNanos(System.nanoTime() - runStarted).toSeconds());
					run++;
				}
			}
			System.out.printf("%d runs in one folder, each compared with a run in an empty folder: %d s%n", run,
					Duration.ofNanos(System.nanoTime() - started).toSeconds());
		}
		finally {
			beside.shutdownNow();
		}
	}

	/**
	 * One run's walk: every screen it saw, and the labels it needs to read them (of "My analyses", and of the buttons
	 * that navigate).
	 */
	private record Walk(List<Screen> screens, String myAnalyses, List<String> navigation) {

		/** The entries of "My analyses". */
		List<String> history(Screen screen) {
			return content(screen, navigation);
		}
	}

	/** The whole walk of one run. */
	private static Walk walk(Path folder, String date, String language, int leagueToAnalyse) throws Exception {
		try (DemoTerminal demo = DemoTerminal.start(folder, date, language)) {
			demo.type("/start");
			List<String> leagues = content(demo, demo.pressKey("button.today"));
			assertThat(leagues).as("today's leagues on %s", date).isNotEmpty();
			String team = null;
			for (int i = 0; i < leagues.size(); i++) {
				List<String> games = content(demo, demo.press(leagues.get(i)));
				assertThat(games).as("games of %s on %s", leagues.get(i), date).isNotEmpty();
				if (i == Math.min(leagueToAnalyse, leagues.size() - 1)) {
					team = homeTeam(games.get(0));
					demo.press(games.get(0));
					for (String analysis : ANALYSES) {
						demo.pressKey(analysis);
						demo.pressKey("button.back");
					}
				}
				demo.type("/start");
				demo.pressKey("button.today");
			}
			demo.pressKey("button.menu");
			List<String> followed = content(demo, demo.pressKey("button.leagues"));
			if (!followed.isEmpty()) {
				demo.press(followed.get(0));
			}
			demo.type("/start");
			demo.pressKey("button.search");
			Screen found = demo.type(team);
			if (found.text().startsWith(plain(demo.text("search.teams.html")).split("\\{0}")[0])) {
				demo.press(content(demo, found).get(0)); // several teams matched: this one's next games
			}
			demo.type("/start");
			demo.pressKey("button.recent");
			demo.type("/start");
			demo.pressKey("button.help");
			assertThat(demo.quit()).isZero();
			List<Screen> screens = demo.screens();
			assertThat(screens).allSatisfy(screen -> assertThat(screen.text()).as("after %s", screen.typed())
				.doesNotContain(plain(demo.text("unknown.text")), "Exception", "<b>"));
			return new Walk(screens, demo.text("button.recent"), NAVIGATION.stream().map(demo::text).toList());
		}
	}

	/** What a run in a used folder shows against a run in an empty folder, screen by screen. */
	private static void assertSameScreens(String run, Walk inUsedFolder, Walk inEmptyFolder, boolean earlierRuns) {
		List<Screen> used = inUsedFolder.screens();
		List<Screen> empty = inEmptyFolder.screens();
		for (int i = 0; i < Math.min(used.size(), empty.size()); i++) {
			Screen seen = used.get(i);
			Screen expected = empty.get(i);
			assertThat(seen.typed()).as("%s: line %d typed", run, i).isEqualTo(expected.typed());
			assertThat(seen.pressed()).as("%s: button %s pressed (line %d)", run, seen.typed(), i).isEqualTo(expected.pressed());
			if (expected.pressed() != null && expected.pressed().contains(inEmptyFolder.myAnalyses())) {
				// the earlier runs' analyses follow this run's, which come first as in an empty folder
				assertThat(seen.message()).as("%s: my analyses", run).isEqualTo(expected.message());
				List<String> analyses = inUsedFolder.history(seen);
				List<String> thisRuns = inEmptyFolder.history(expected);
				assertThat(thisRuns).as("%s: my analyses in an empty folder", run).isNotEmpty();
				assertThat(analyses).as("%s: my analyses", run).startsWith(thisRuns.toArray(String[]::new));
				if (earlierRuns) {
					assertThat(analyses).as("%s: my analyses keep the earlier runs'", run).hasSizeGreaterThan(thisRuns.size());
				}
			}
			else {
				assertThat(seen.text()).as("%s: the screen after typing '%s' (line %d)", run, seen.typed(), i)
					.isEqualTo(expected.text());
			}
		}
		assertThat(used).as("%s: screens", run).hasSameSizeAs(empty);
	}

	/** The buttons of a screen that show something (leagues, games, teams, analyses), not the ones that navigate. */
	private static List<String> content(DemoTerminal demo, Screen screen) {
		return content(screen, NAVIGATION.stream().map(demo::text).toList());
	}

	private static List<String> content(Screen screen, List<String> navigation) {
		List<String> content = new ArrayList<>(screen.buttons());
		content.removeIf(navigation::contains);
		return content;
	}

	/** The home team of a game's button ("16:00 Flamengo x America-MG"). */
	private static String homeTeam(String game) {
		Matcher matcher = GAME.matcher(game);
		assertThat(matcher.matches()).as("a game's button: %s", game).isTrue();
		return matcher.group(1);
	}

	/** A message of the bundles as the console prints it: tags dropped. */
	private static String plain(String html) {
		return html.replaceAll("<[^>]+>", "");
	}
}
