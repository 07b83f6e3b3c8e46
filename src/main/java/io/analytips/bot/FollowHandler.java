package io.analytips.bot;

import java.util.Locale;

import io.analytips.follow.Following;
import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.store.Followed;
import io.analytips.telegram.Html;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Following a team or a league: {@code /seguir <time>} ({@code /follow <team>}) finds the team as the search does
 * (one team: followed at once; several: a button each; a near miss: "did you mean"; none: a sentence), and without a
 * name starts the search, whose team screen has the 🔔 button; the 🔔 and 🔕 buttons of a team's screen, a fixture's
 * menu and a league's hub ({@code fw:t:85}, {@code uf:l:39}). Each answer is one sentence saying what will be sent;
 * a store that cannot be written gets a short apology.
 */
final class FollowHandler implements Handler {

	private static final Logger log = LoggerFactory.getLogger(FollowHandler.class);

	private final TeamScreens teams;

	private final Following following;

	private final SearchState search;

	private final Leagues leagues;

	private final DisplayNames names;

	private final Messages messages;

	private final Menus menus;

	private final Preferences preferences;

	FollowHandler(TeamScreens teams, Following following, SearchState search, Leagues leagues, DisplayNames names,
			Messages messages, Menus menus, Preferences preferences) {
		this.teams = teams;
		this.following = following;
		this.search = search;
		this.leagues = leagues;
		this.names = names;
		this.messages = messages;
		this.menus = menus;
		this.preferences = preferences;
	}

	@Override
	public boolean supports(UpdateContext context) {
		Command command = context.command();
		if (command != null) {
			return command.name().equals("seguir") || command.name().equals("follow");
		}
		CallbackData pressed = CallbackData.parse(context.callbackData());
		return pressed != null && (pressed.is(CallbackData.FOLLOW, 2) || pressed.is(CallbackData.UNFOLLOW, 2))
				&& isKind(pressed.arguments().get(0)) && pressed.arguments().get(1).matches("\\d{1,12}");
	}

	@Override
	public String action(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		return pressed != null && pressed.action().equals(CallbackData.UNFOLLOW) ? "unfollow" : "follow";
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		Follower follower = Follower.of(context);
		return preferences.of(context).flatMap(reader -> {
			Command command = context.command();
			if (command != null) {
				return typed(context, follower, command.arguments(), reader).flatMap(screen -> screen.send(context));
			}
			CallbackData pressed = CallbackData.parse(context.callbackData());
			boolean team = pressed.arguments().get(0).equals(CallbackData.TEAM_KIND);
			long id = pressed.longArgument(1);
			Mono<Screen> screen = pressed.action().equals(CallbackData.FOLLOW)
					? (team ? followTeam(follower, id, reader) : follow(follower, Followed.league(id, leagues.name((int) id,
							reader.locale())), reader))
					: unfollow(follower, team ? Followed.Kind.TEAM : Followed.Kind.LEAGUE, id, reader);
			return screen.onErrorResume(error -> apology(error, reader.locale())).flatMap(s -> s.show(context));
		});
	}

	/** {@code /seguir Palmeiras}: the team named, found as the search finds it. */
	private Mono<Screen> typed(UpdateContext context, Follower follower, String name, Reader reader) {
		Locale locale = reader.locale();
		if (name.length() < NextGamesHandler.SHORTEST_NAME && context.isGroupChat()) {
			// a name typed in a group is not read: say how to give it with the command instead of waiting for it
			return Mono.just(new Screen(messages.get(locale, "follow.group.html", Html.escape(StartHandler.addressed(context))),
					null));
		}
		if (name.length() < NextGamesHandler.SHORTEST_NAME) {
			Mono<Void> started = context.user() == null ? Mono.empty() : search.await(follower.bot(), context.user().id());
			return started.thenReturn(new Screen(Html.escape(messages.get(locale, "follow.prompt")),
					Keyboard.create().button(messages.get(locale, "button.cancel"), CallbackData.CANCEL).build()))
				.onErrorResume(error -> apology(error, locale));
		}
		String query = name.length() > TypedText.LONGEST_NAME ? name.substring(0, TypedText.LONGEST_NAME) : name;
		Screen none = new Screen(messages.get(locale, "follow.none.html", Html.escape(query)), null);
		return teams.find(query).flatMap(matches -> {
			if (matches.found().size() == 1) {
				return follow(follower, Followed.team(matches.found().get(0).id(), matches.found().get(0).name()), reader);
			}
			if (!matches.found().isEmpty()) {
				return Mono.just(teams.choose(query, matches.found(), locale, TeamScreens.FOLLOW));
			}
			return Mono.just(teams.didYouMean(query, matches.nearMisses(), none, locale, TeamScreens.FOLLOW));
		}).onErrorResume(error -> teams.unavailable(error, locale)).onErrorResume(error -> apology(error, locale));
	}

	/** A team by its id: its name from its next games (the screen it was pressed on read them too). */
	private Mono<Screen> followTeam(Follower follower, long team, Reader reader) {
		Locale locale = reader.locale();
		return teams.name(team)
			.flatMap(name -> follow(follower, Followed.team(team, name), reader))
			.switchIfEmpty(Mono.fromSupplier(() -> new Screen(Html.escape(messages.get(locale, "follow.noname")),
					menus.main(locale))))
			.onErrorResume(error -> teams.unavailable(error, locale));
	}

	private Mono<Screen> follow(Follower follower, Followed target, Reader reader) {
		Locale locale = reader.locale();
		return following.follow(follower.bot(), FollowTexts.subscriber(follower.chat(), reader), target)
			.flatMap(added -> following.settings(follower.bot(), follower.chat())
				.map(settings -> FollowTexts.leadMinutes(settings, following))
				.defaultIfEmpty((int) following.defaultLead().toMinutes())
				.map(minutes -> {
					String lead = FollowTexts.lead(minutes, messages, locale);
					String name = Html.escape(shown(target, locale));
					boolean team = target.kind() == Followed.Kind.TEAM;
					String text = added ? messages.get(locale, team ? "follow.team.html" : "follow.league.html", lead, name)
							: messages.get(locale, team ? "follow.team.already.html" : "follow.league.already.html", name, lead);
					return new Screen(text, done(locale, messages.get(locale, "button.unfollow"),
							toggle(CallbackData.UNFOLLOW, target.kind(), target.id())));
				}));
	}

	private Mono<Screen> unfollow(Follower follower, Followed.Kind kind, long id, Reader reader) {
		Locale locale = reader.locale();
		return following.following(follower.bot(), follower.chat())
			.filter(followed -> followed.kind() == kind && followed.id() == id)
			.next()
			.flatMap(followed -> following.unfollow(follower.bot(), follower.chat(), kind, id).thenReturn(new Screen(
					messages.get(locale, kind == Followed.Kind.TEAM ? "unfollow.team.html" : "unfollow.league.html",
							Html.escape(shown(followed, locale))),
					done(locale, messages.get(locale, "button.follow"), toggle(CallbackData.FOLLOW, kind, id)))))
			.switchIfEmpty(Mono.fromSupplier(() -> new Screen(messages.get(locale, "unfollow.none.html"),
					done(locale, null, null))));
	}

	/** A team by the name fans write; a league as the bot names it elsewhere. */
	private String shown(Followed followed, Locale locale) {
		return followed.kind() == Followed.Kind.TEAM ? names.display(followed.name())
				: leagues.name((int) followed.id(), locale);
	}

	/** Undo (if any), the chat's list, the menu. */
	private InlineKeyboardMarkup done(Locale locale, String undo, String undoData) {
		Keyboard keyboard = Keyboard.create();
		if (undo != null) {
			keyboard.button(undo, undoData);
		}
		return keyboard.pair(messages.get(locale, "button.my.teams"), CallbackData.MY_TEAMS,
				messages.get(locale, "button.menu"), CallbackData.MENU).build();
	}

	private static String toggle(String action, Followed.Kind kind, long id) {
		return CallbackData.of(action, kind == Followed.Kind.TEAM ? CallbackData.TEAM_KIND : CallbackData.LEAGUE_KIND, id);
	}

	private Mono<Screen> apology(Throwable error, Locale locale) {
		log.warn("Following not saved: {}", error.toString());
		return Mono.just(new Screen(Html.escape(messages.get(locale, "follow.error")), menus.main(locale)));
	}

	private static boolean isKind(String kind) {
		return kind.equals(CallbackData.TEAM_KIND) || kind.equals(CallbackData.LEAGUE_KIND);
	}
}
