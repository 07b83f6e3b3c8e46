package io.analytips.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * Ten minutes of one fan exploring the bot at a quick human pace, as the updates Telegram would
 * deliver: searching teams, opening their games and analyses of every kind, going back, today's
 * games, the leagues with their tables and next games, paging, recent analyses reopened, the time zone,
 * {@code /proximos}. An action every 2 to 4 seconds,
 * with bursts of presses a second apart (comparing the analyses of one game), and no pause to read:
 * a busier person than any real one, so limits that let this session through let people through.
 * The button data is the bot's own ({@code bot.CallbackData}); {@link Step#navigation} says which
 * limit each update counts against ({@code bot.NavigationTest} checks it against the handlers).
 */
public final class FanSession {

	/**
	 * One update, {@code after} the previous one: a text (a message or command) or a button's data.
	 * {@code navigation}: a press answered from memory (the navigation allowance) rather than work.
	 */
	public record Step(Duration after, String text, String data, boolean navigation) {

		public ObjectNode update(long userId) {
			if (data != null) {
				return Updates.callback(userId, data);
			}
			return text.startsWith("/") ? Updates.command(userId, text) : Updates.message(userId, text);
		}

		@Override
		public String toString() {
			return data != null ? "press " + data : "type " + text;
		}
	}

	private final List<Step> steps = new ArrayList<>();

	private FanSession() {
	}

	/** The whole session, in order. */
	public static List<Step> steps() {
		FanSession fan = new FanSession();
		fan.type(0, "/start");
		// A team by name, then every analysis of its next game, the last ones in a quick burst.
		fan.go(3, "s").type(4, "Flamengo").go(3, "f:1001");
		fan.compare(1001, 2, "full", "goals", "corners", "btts", "result");
		fan.go(3, "m");
		// A name several teams share: one of them, a game, then another team from the search.
		fan.go(3, "s").type(4, "Atletico").work(2, "tm:1062").go(3, "f:1002");
		fan.compare(1002, 2, "full", "result");
		fan.go(2, "s").type(4, "Vasco da Gama").go(3, "f:1003");
		fan.compare(1003, 2, "full", "goals");
		fan.go(3, "m");
		// Today's games: a league, its games, a second page, then another league.
		fan.go(3, "t").go(2, "l:71:0").go(3, "f:1004");
		fan.compare(1004, 2, "full", "btts");
		fan.go(2, "l:71:0").go(2, "f:1005");
		fan.compare(1005, 2, "full");
		fan.go(1, "l:71:0").go(2, "l:71:1").go(3, "f:1006");
		fan.compare(1006, 2, "result");
		fan.go(1, "l:71:1").go(1, "l:71:0").go(1, "t").go(2, "l:39:0").go(3, "f:2001");
		fan.compare(2001, 2, "full", "corners", "goals");
		fan.go(3, "m");
		// The leagues menu: Spain's table and next games, Italy's.
		fan.go(3, "lg").go(2, "lh:140").go(2, "tb:140").go(4, "ln:140:0").go(3, "f:3001:ln:140:0");
		fan.compare(3001, 2, "full");
		fan.go(1, "ln:140:0").go(2, "f:3002:ln:140:0");
		fan.compare(3002, 2, "result");
		fan.go(3, "lg").go(2, "lh:135").go(2, "ln:135:0").go(3, "f:4001:ln:135:0");
		fan.compare(4001, 2, "full");
		fan.go(3, "m");
		// What did I look at? Reopen one, analyse it again, then the help and the time zone.
		fan.go(3, "r").go(2, "ra:1").go(3, "f:1001:r");
		fan.compare(1001, 2, "full");
		fan.go(3, "m").go(2, "h").go(4, "m").go(2, "cfg").go(2, "tz").work(2, "tz:4").go(2, "m");
		// Commands typed directly.
		fan.type(3, "/proximos Palmeiras").go(3, "f:1007");
		fan.compare(1007, 2, "full", "goals");
		fan.type(3, "/proximos Corinthians").go(3, "f:1008");
		fan.compare(1008, 2, "full");
		fan.type(3, "/start");
		// Second round: the same habits on other teams and leagues until ten minutes have passed.
		int[][] teams = { { 1009, 1010 }, { 1011, 1012 }, { 1013, 1014 }, { 1015, 1016 } };
		String[] names = { "Palmeiras", "Sao Paulo", "Gremio", "Internacional" };
		for (int round = 0; fan.elapsed().compareTo(Duration.ofMinutes(10)) < 0; round++) {
			int[] games = teams[round % teams.length];
			fan.go(3, "s").type(4, names[round % names.length]).go(3, "f:" + games[0]);
			fan.compare(games[0], 1, "full", "goals", "corners", "btts", "result");
			fan.go(3, "m").go(2, "t").go(2, "l:39:0").go(3, "f:" + (2002 + round));
			fan.compare(2002 + round, 2, "full", "result");
			fan.go(2, "l:39:0").go(2, "l:39:1").go(3, "f:" + games[1]);
			fan.compare(games[1], 2, "full");
			fan.go(3, "r").go(2, "ra:" + (round + 2)).go(2, "f:" + games[0] + ":r").work(2, "a:" + games[0] + ":full:r")
				.go(3, "m");
		}
		return List.copyOf(fan.steps);
	}

	/** How long the session lasts (the time of its last update). */
	public static Duration length(List<Step> steps) {
		return steps.stream().map(Step::after).reduce(Duration.ZERO, Duration::plus);
	}

	private Duration elapsed() {
		return length(steps);
	}

	/** Opens analyses of one game, going back to its menu in between, {@code pace} seconds apart. */
	private void compare(long fixture, int pace, String... kinds) {
		for (int i = 0; i < kinds.length; i++) {
			if (i > 0) {
				go(pace / 2 == 0 ? 1 : pace / 2, "f:" + fixture);
			}
			work(pace, "a:" + fixture + ":" + kinds[i]);
		}
	}

	private FanSession type(int seconds, String text) {
		steps.add(new Step(Duration.ofSeconds(seconds), text, null, false));
		return this;
	}

	private FanSession go(int seconds, String data) {
		steps.add(new Step(Duration.ofSeconds(seconds), null, data, true));
		return this;
	}

	private FanSession work(int seconds, String data) {
		steps.add(new Step(Duration.ofSeconds(seconds), null, data, false));
		return this;
	}
}
