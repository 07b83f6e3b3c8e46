package io.analytips.bot;

import java.util.Locale;

import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.Html;
import reactor.core.publisher.Mono;

/**
 * {@code /proximos <team>} (also {@code /next}): the team's next games in one step, without the
 * search conversation. One team found: its games; several: a button each; a near miss: "did you
 * mean", a button each; none, or no name: a sentence saying what to type. A command, so it counts
 * against the work limit.
 */
final class NextGamesHandler implements Handler {

	/** Shorter names find too much ("a" is in most of them); the simulator and API-Football refuse them too. */
	static final int SHORTEST_NAME = 3;

	private final TeamScreens teams;

	private final Messages messages;

	private final Preferences preferences;

	NextGamesHandler(TeamScreens teams, Messages messages, Preferences preferences) {
		this.teams = teams;
		this.messages = messages;
		this.preferences = preferences;
	}

	@Override
	public boolean supports(UpdateContext context) {
		Command command = context.command();
		return command != null && (command.name().equals("proximos") || command.name().equals("next")
				|| command.name().equals("jogos") || command.name().equals("games"));
	}

	@Override
	public String action(UpdateContext context) {
		return "next_games";
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		return preferences.of(context).flatMap(reader -> handle(context, reader));
	}

	private Mono<Void> handle(UpdateContext context, Reader reader) {
		Locale locale = reader.locale();
		String name = context.command().arguments();
		if (name.length() < SHORTEST_NAME) {
			return context.reply(messages.get(locale, "next.usage.html")).then();
		}
		String query = name.length() > 40 ? name.substring(0, 40) : name;
		Screen none = new Screen(messages.get(locale, "next.none.html", Html.escape(query)), null);
		return teams.find(query)
			.flatMap(found -> teams.found(query, found, none, reader, Follower.of(context)))
			.onErrorResume(error -> teams.unavailable(error, locale))
			.flatMap(screen -> screen.send(context));
	}
}
