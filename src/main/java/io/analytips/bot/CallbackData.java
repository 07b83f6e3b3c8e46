package io.analytips.bot;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The compact {@code callback_data} of the bot's buttons (Telegram allows 64 bytes):
 * <pre>
 * m              menu                          h             help
 * t              today's leagues               lg            the leagues offered
 * l:39:0         a league's games today, p. 0  lh:39         a league: its table and its games
 * tb:39          a league's table              ln:39:0       a league's next games, page 0
 * f:123:l:39:0   a fixture's analysis menu,    a:123:goals:l:39:0  an analysis, from that menu
 *                opened from l:39:0            hh:123:l:39:0       its head-to-head, from that menu
 * s              start a team search           x             cancel the search
 * tm:85          a team's next games           r             recent analyses
 * ra:17          reopen analysis 17            ab:39         about the model (in league 39)
 * cfg            language and time zone        lang:en       choose a language (lang: the choices)
 * tz:3           choose a time zone (tz: the choices; tz:auto: the language's)
 * fw:t:85        follow team 85 (fw:l:39: league 39)   uf:t:85       stop following it (uf:l:39 likewise)
 * mt             what the chat follows         mu:t:85       stop following, from that list
 * al             the alert's lead (al:60: 60 minutes before kick-off)
 * dg             the daily digest (dg:9: at 09:00 local time; dg:off: none)
 * at:123:l:39:0  a full analysis as text (its picture's button), from that menu
 * </pre>
 * A screen that can be reached from several places carries where it was opened from (its <em>origin</em>: the
 * data of that screen) after its own arguments, so its back button returns there.
 */
record CallbackData(String action, List<String> arguments) {

	static final String MENU = "m";

	static final String HELP = "h";

	static final String TODAY = "t";

	static final String LEAGUES = "lg";

	static final String LEAGUE = "l";

	static final String FIXTURE = "f";

	static final String ANALYSIS = "a";

	/** A fixture's head-to-head, from its menu: {@code hh:123} and the menu's origin. */
	static final String HEAD_TO_HEAD = "hh";

	/** A full analysis as text: the button under its picture. */
	static final String ANALYSIS_TEXT = "at";

	static final String SEARCH = "s";

	static final String CANCEL = "x";

	static final String TEAM = "tm";

	static final String RECENT = "r";

	static final String LEAGUE_HUB = "lh";

	static final String TABLE = "tb";

	static final String LEAGUE_NEXT = "ln";

	static final String REOPEN = "ra";

	static final String ABOUT = "ab";

	static final String SETTINGS = "cfg";

	static final String LANGUAGE = "lang";

	static final String ZONE = "tz";

	static final String FOLLOW = "fw";

	static final String UNFOLLOW = "uf";

	static final String MY_TEAMS = "mt";

	/** The bot's record ({@code /historico}), from the main menu. */
	static final String RECORD = "rec";

	static final String MY_UNFOLLOW = "mu";

	static final String LEAD = "al";

	static final String DIGEST = "dg";

	/** The kind argument of {@link #FOLLOW}, {@link #UNFOLLOW} and {@link #MY_UNFOLLOW}: a team. */
	static final String TEAM_KIND = "t";

	/** The kind argument of {@link #FOLLOW}, {@link #UNFOLLOW} and {@link #MY_UNFOLLOW}: a league. */
	static final String LEAGUE_KIND = "l";

	/** The screens a back button may return to, with their number of arguments. */
	private static final Map<String, Integer> ORIGINS = Map.of(MENU, 0, TODAY, 0, LEAGUES, 0,
			LEAGUE, 2, LEAGUE_HUB, 1, LEAGUE_NEXT, 2, TEAM, 1, RECENT, 0, SEARCH, 0);

	/** Parses button data; null for anything the bot did not make (old, forged, empty). */
	static CallbackData parse(String data) {
		if (data == null || data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > 64) {
			return null;
		}
		String[] parts = data.split(":", -1);
		for (String part : parts) {
			if (!part.matches("[a-z0-9-]{1,20}")) {
				return null;
			}
		}
		return new CallbackData(parts[0], List.of(parts).subList(1, parts.length));
	}

	static String of(String action, Object... arguments) {
		StringBuilder data = new StringBuilder(action);
		for (Object argument : arguments) {
			data.append(':').append(argument);
		}
		return data.toString();
	}

	boolean is(String expected, int argumentCount) {
		return action.equals(expected) && arguments.size() == argumentCount;
	}

	/** Whether this is {@code expected} with at least {@code argumentCount} arguments (an origin may follow). */
	boolean isAtLeast(String expected, int argumentCount) {
		return action.equals(expected) && arguments.size() >= argumentCount;
	}

	/**
	 * The screen this one was opened from: the arguments from {@code from} on, as button data, when they are one of
	 * the screens a back button may return to; {@code fallback} otherwise (none given, or not one of ours).
	 */
	String origin(int from, String fallback) {
		if (arguments.size() <= from) {
			return fallback;
		}
		List<String> origin = arguments.subList(from, arguments.size());
		Integer count = ORIGINS.get(origin.get(0));
		if (count == null || count != origin.size() - 1 || !origin.subList(1, origin.size()).stream()
			.allMatch(argument -> argument.matches("\\d{1,12}"))) {
			return fallback;
		}
		return String.join(":", origin);
	}

	/** Button data that opens {@code action} with its arguments, remembering {@code origin} for its back button. */
	static String from(String origin, String action, Object... arguments) {
		return of(action, arguments) + ":" + origin;
	}

	long longArgument(int index) {
		return Long.parseLong(arguments.get(index));
	}

	int intArgument(int index) {
		return Integer.parseInt(arguments.get(index));
	}
}
