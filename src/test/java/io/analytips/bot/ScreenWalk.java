package io.analytips.bot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.analytips.support.Conversation;
import io.analytips.support.FakeBotApi;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * One user walking through every screen the bot has, by the buttons' data (so the walk is the same in every
 * language): the menu, today's games of each league and a fixture of each with all five analyses and back, each
 * league's hub, table and next games (the full analysis a picture, then its text), a team search (found, near miss, several), the commands, the settings screens
 * (nothing chosen) and My analyses, one reopened. Each step waits for its one screen; the walk is the list of every
 * screen shown, each as its text and its buttons' labels.
 */
final class ScreenWalk {

	private final Conversation user;

	private final List<String> shown = new ArrayList<>();

	private ScreenWalk(FakeBotApi telegram, long user, String language) {
		this.user = new Conversation(telegram, user, language);
	}

	/** The screens of the whole walk, in order. */
	static List<String> walk(FakeBotApi telegram, long user, String language) {
		ScreenWalk walk = new ScreenWalk(telegram, user, language);
		walk.everything();
		return walk.shown;
	}

	private void everything() {
		type("/start");
		press("t");
		for (String league : buttons("l:\\d+:0")) {
			press(league);
			if (has("l:\\d+:1")) {
				press("l:\\d+:1");
				press("l:\\d+:0");
			}
			fixture("f:\\d+:l:\\d+:0");
			press("t");
		}
		press("m");
		press("lg");
		for (String league : buttons("lh:\\d+")) {
			press(league);
			press("tb:\\d+");
			press("ln:\\d+:0");
			if (has("f:\\d+:ln:\\d+:0")) { // a league whose season is over has none
				fixture("f:\\d+:ln:\\d+:0");
			}
			press("lh:\\d+");
			press("lg");
		}
		press("m");
		press("s");
		type("Flamengo");
		fixture("f:\\d+:tm:\\d+");
		type("Palmeras");
		press("tm:\\d+");
		type("Atlético");
		type("/tabela premier");
		type("/proximos arsenal");
		type("/sobre");
		type("/help");
		type("/idioma");
		type("/fuso");
		press("cfg");
		press("r");
		press("ra:\\d+");
	}

	/** Opens the first fixture of the list, every analysis of it and its head-to-head, then goes back to the list. */
	private void fixture(String fixtures) {
		press(fixtures);
		for (String kind : new String[] { "full", "goals", "corners", "btts", "result" }) {
			press("a:\\d+:" + kind + "(:.*)?");
			if (kind.equals("full")) {
				press("at:\\d+(:.*)?"); // its picture's button: the analysis as text
			}
		}
		press("f:\\d+(:.*)?"); // the last analysis's back: the fixture's menu
		press("hh:\\d+(:.*)?"); // the head-to-head, and back to the menu
		press("f:\\d+(:.*)?");
		// its back (the first button that is neither an analysis, the head-to-head nor a follow): the list
		press(lastScreen().buttons().stream().map(button -> button.path("callback_data").asString())
			.filter(data -> !data.matches("(a|hh|fw|uf):.*")).findFirst().orElseThrow());
	}

	private void type(String text) {
		int before = user.screens().size();
		user.send(text);
		record(before);
	}

	/** Presses the first button whose data matches, on the latest screen that has one. */
	private void press(String data) {
		Pattern pattern = Pattern.compile(data);
		List<Conversation.Screen> screens = user.screens();
		for (int i = screens.size() - 1; i >= 0; i--) {
			for (JsonNode button : screens.get(i).buttons()) {
				String found = button.path("callback_data").asString();
				if (pattern.matcher(found).matches()) {
					int before = screens.size();
					user.press(screens.get(i).messageId(), found);
					record(before);
					return;
				}
			}
		}
		throw new AssertionError("no button " + data + " on any screen; the last: " + lastScreen());
	}

	private boolean has(String data) {
		Pattern pattern = Pattern.compile(data);
		return lastScreen().buttons().stream().anyMatch(b -> pattern.matcher(b.path("callback_data").asString()).matches());
	}

	/** The data of the latest screen's buttons that match. */
	private List<String> buttons(String data) {
		Pattern pattern = Pattern.compile(data);
		return lastScreen().buttons().stream()
			.map(b -> b.path("callback_data").asString())
			.filter(found -> pattern.matcher(found).matches())
			.toList();
	}

	private Conversation.Screen lastScreen() {
		List<Conversation.Screen> screens = user.screens();
		return screens.get(screens.size() - 1);
	}

	private void record(int before) {
		await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(30))
			.until(() -> user.screens().size() > before);
		Conversation.Screen screen = user.screens().get(before);
		StringBuilder text = new StringBuilder(screen.text());
		screen.buttons().forEach(button -> text.append("\n[").append(button.path("text").asString()).append(']'));
		shown.add(text.toString());
	}
}
