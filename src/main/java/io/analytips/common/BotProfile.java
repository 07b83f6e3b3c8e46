package io.analytips.common;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * One bot of the deployment as the rest of the code sees it: which bot (Telegram's id, the number before the colon
 * of its token, keys every row of its state) and what its operator chose for it. A null language or time zone, or
 * an empty set of leagues, means the deployment's default.
 *
 * @param id Telegram's id of the bot
 * @param username the bot's username without the {@code @}, as {@code getMe} gave it ("" before that)
 * @param language the language of users whose client sends none that the bot speaks, or null (Portuguese)
 * @param timeZone the time zone of users who chose none, or null (the one their language suggests)
 * @param leagues the API-Football league ids the bot offers, or empty (all it knows)
 * @param admins Telegram user ids who may use the admin commands in chat, besides the deployment's
 */
public record BotProfile(long id, String username, Locale language, ZoneId timeZone, Set<Integer> leagues,
		Set<Long> admins) {

	/** The bot of a deployment that never named one (unit tests, tools): id 0. */
	public static final BotProfile UNNAMED = new BotProfile(0, "", null, null, Set.of(), Set.of());

	public BotProfile {
		if (id < 0) {
			throw new IllegalArgumentException("a bot's id is not negative: " + id);
		}
		username = username == null ? "" : username;
		leagues = leagues == null ? Set.of() : Set.copyOf(leagues);
		admins = admins == null ? Set.of() : Set.copyOf(admins);
	}

	/** Whether the operator limited the leagues this bot offers, and {@code league} is not among them. */
	public boolean leaves(int league) {
		return !leagues.isEmpty() && !leagues.contains(league);
	}

	/** The leagues of {@code deployment} (in its order) this bot offers: those its operator chose, else all. */
	public java.util.List<Integer> offered(java.util.List<Integer> deployment) {
		if (leagues.isEmpty()) {
			return deployment;
		}
		java.util.List<Integer> chosen = deployment.stream().filter(leagues::contains).toList();
		return chosen.isEmpty() ? deployment : chosen;
	}

	/** How logs and metrics name the bot: its username, else its id. */
	public String name() {
		return username.isEmpty() ? Long.toString(id) : username;
	}

	@Override
	public String toString() {
		return "@" + name();
	}
}
