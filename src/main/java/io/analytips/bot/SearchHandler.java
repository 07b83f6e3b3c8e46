package io.analytips.bot;

import java.util.Locale;

import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.Html;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Team search, a conversation kept in {@link SearchState}: the search button asks for a name; the
 * user's next text is the query; the teams found (or the only one) lead to their next games, a near
 * miss to "did you mean". A name that finds nothing (or is too short) keeps the search going, so the
 * next name typed is searched too; it ends when a team is found, on {@code /cancel}, the cancel
 * button, {@code /start} or any other button ({@link EndsSearch}), or ten minutes after the last name
 * tried. ({@code /help} leaves it going: reading the help is no reason to start over.) Text typed
 * outside a search is a search too, in one step, when it may be a name ({@link TypedText}); otherwise
 * it gets a reply saying what to type.
 */
final class SearchHandler implements Handler {

	private final TeamScreens teams;

	private final SearchState search;

	private final Messages messages;

	private final Menus menus;

	private final MeterRegistry registry;

	private final Preferences preferences;

	SearchHandler(TeamScreens teams, SearchState search, Messages messages, Menus menus, MeterRegistry registry,
			Preferences preferences) {
		this.teams = teams;
		this.search = search;
		this.messages = messages;
		this.menus = menus;
		this.registry = registry;
		this.preferences = preferences;
	}

	/** {@code analytips.conversation.transitions{from,to}}: how searches start and end. */
	private void transition(String from, String to) {
		Counter.builder("analytips.conversation.transitions").description("Conversation state changes")
			.tag("from", from).tag("to", to).register(registry).increment();
	}

	@Override
	public String action(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		if (pressed != null) {
			return pressed.is(CallbackData.SEARCH, 0) ? "search" : pressed.is(CallbackData.CANCEL, 0) ? "cancel" : "team";
		}
		return context.command() != null ? "cancel" : "text";
	}

	/** The search and cancel buttons only move between screens; a team's button reads its games upstream. */
	@Override
	public boolean isNavigation(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		return pressed != null && (pressed.is(CallbackData.SEARCH, 0) || pressed.is(CallbackData.CANCEL, 0));
	}

	@Override
	public boolean supports(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		if (pressed != null) {
			return pressed.is(CallbackData.SEARCH, 0) || pressed.is(CallbackData.CANCEL, 0) || pressed.is(CallbackData.TEAM, 1);
		}
		Command command = context.command();
		if (command != null) {
			return command.name().equals("cancel") || command.name().equals("cancelar");
		}
		// Free text in a private chat may be the answer to "type a team name".
		return context.text() != null && context.user() != null && context.chat() != null && !context.chat().isGroup()
				&& !context.isOverheard();
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		return preferences.of(context).flatMap(reader -> handle(context, reader));
	}

	private Mono<Void> handle(UpdateContext context, Reader reader) {
		Locale locale = reader.locale();
		long bot = context.bot().id();
		long user = context.user() != null ? context.user().id() : context.chatId();
		CallbackData pressed = CallbackData.parse(context.callbackData());
		if (pressed != null && pressed.is(CallbackData.SEARCH, 0) && context.isGroupChat()) {
			// a name typed in a group is not read (only commands addressed to the bot are): say which command to type
			return new Screen(messages.get(locale, "search.group.html", Html.escape(StartHandler.addressed(context))),
					menus.backOnly(CallbackData.MENU, locale)).show(context);
		}
		if (pressed != null && pressed.is(CallbackData.SEARCH, 0)) {
			return search.await(bot, user)
				.doOnSuccess(saved -> transition("none", "awaiting_team"))
				.then(new Screen(Html.escape(messages.get(locale, "search.prompt")),
						Keyboard.create().button(messages.get(locale, "button.cancel"), CallbackData.CANCEL).build())
					.show(context));
		}
		if (pressed != null && pressed.is(CallbackData.CANCEL, 0)) {
			return cancelled(bot, user, locale).flatMap(screen -> screen.show(context));
		}
		if (context.command() != null) {
			// /cancel with no search under way says so, rather than claiming to have cancelled one
			return search.isAwaiting(bot, user)
				.flatMap(awaiting -> awaiting ? cancelled(bot, user, locale)
						: Mono.just(new Screen(Html.escape(messages.get(locale, "search.nothing")), menus.main(locale))))
				.flatMap(screen -> screen.show(context));
		}
		if (pressed != null) {
			return teams.games(pressed.longArgument(0), null, reader, Follower.of(context)).flatMap(screen -> screen.show(context));
		}
		String text = context.text().strip();
		return search.isAwaiting(bot, user)
			.flatMap(awaiting -> {
				if (awaiting) {
					transition("awaiting_team", "searched");
					return search(bot, user, text, reader, Follower.of(context));
				}
				return TypedText.mayBeATeam(text) ? typed(text, reader, Follower.of(context))
						: Mono.just(new Screen(Html.escape(messages.get(locale, "text.unclear")), menus.main(locale)));
			})
			.flatMap(screen -> screen.send(context));
	}

	/** The answer to "type the team's name". */
	private Mono<Screen> search(long bot, long user, String query, Reader reader, Follower follower) {
		Locale locale = reader.locale();
		if (query.length() < NextGamesHandler.SHORTEST_NAME) {
			return Mono.just(new Screen(Html.escape(messages.get(locale, "search.short")),
					Keyboard.create().button(messages.get(locale, "button.cancel"), CallbackData.CANCEL).build()));
		}
		String shortQuery = shorten(query);
		Screen none = new Screen(messages.get(locale, "search.none.html", Html.escape(shortQuery)),
				Keyboard.create().button(messages.get(locale, "button.cancel"), CallbackData.CANCEL).build());
		return teams.find(shortQuery).flatMap(found -> {
			// Nothing found (a "did you mean" at most): still searching, so the next name typed is searched too.
			Mono<Void> state = found.found().isEmpty() ? search.await(bot, user)
					: search.end(bot, user).doOnSuccess(done -> transition("searched", "found"));
			return state.then(teams.found(shortQuery, found, none, reader, follower));
		}).onErrorResume(error -> teams.unavailable(error, locale));
	}

	/** A name typed at the menu, outside a search: searched in one step, like {@code /proximos}. */
	private Mono<Screen> typed(String text, Reader reader, Follower follower) {
		Locale locale = reader.locale();
		String query = shorten(text);
		Screen none = new Screen(messages.get(locale, "text.none.html", Html.escape(query)), menus.main(locale));
		return teams.find(query)
			.flatMap(found -> teams.found(query, found, none, reader, follower))
			.onErrorResume(error -> teams.unavailable(error, locale));
	}

	private static String shorten(String query) {
		return query.length() > TypedText.LONGEST_NAME ? query.substring(0, TypedText.LONGEST_NAME) : query;
	}

	/** Ends the user's search, then the screen that says so. */
	private Mono<Screen> cancelled(long bot, long user, Locale locale) {
		return search.end(bot, user)
			.doOnSuccess(cleared -> transition("any", "cancelled"))
			.thenReturn(new Screen(Html.escape(messages.get(locale, "search.cancelled")), menus.main(locale)));
	}
}
