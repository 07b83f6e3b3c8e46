package io.analytips.bot;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The compact {@code callback_data} of the bot's buttons (Telegram allows 64 bytes):
 * <pre>
 * m              menu                      h             help
 * t              today's leagues           lg            leagues
 * l:39:0         a league's games, page 0  f:123         a fixture's analysis menu
 * a:123:goals    an analysis               s             start a team search
 * x              cancel the search         tm:85         a team's next games
 * r              recent analyses
 * </pre>
 */
record CallbackData(String action, List<String> arguments) {

	static final String MENU = "m";

	static final String HELP = "h";

	static final String TODAY = "t";

	static final String LEAGUES = "lg";

	static final String LEAGUE = "l";

	static final String FIXTURE = "f";

	static final String ANALYSIS = "a";

	static final String SEARCH = "s";

	static final String CANCEL = "x";

	static final String TEAM = "tm";

	static final String RECENT = "r";

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

	long longArgument(int index) {
		return Long.parseLong(arguments.get(index));
	}

	int intArgument(int index) {
		return Integer.parseInt(arguments.get(index));
	}
}
