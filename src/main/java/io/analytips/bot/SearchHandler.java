package io.analytips.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.analytips.football.FootballData;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.Team;
import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.store.ConversationRepository;
import io.analytips.store.ConversationState;
import io.analytips.telegram.Html;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Team search, a two-step conversation kept in {@code conversation_state} (so a restart does not
 * forget it): the search button asks for a name; the user's next text is the query; the teams found
 * (or the only one) lead to their next games. {@code /cancel} and the cancel button end it; it
 * expires after ten minutes. Text outside a search gets the polite "use /help" reply.
 */
final class SearchHandler implements Handler {

	static final String AWAITING_TEAM = "awaiting-team";

	static final Duration EXPIRES_AFTER = Duration.ofMinutes(10);

	private static final int NEXT_GAMES = 5;

	private final FootballData data;

	private final ConversationRepository conversations;

	private final Messages messages;

	private final Menus menus;

	private final Clock clock;

	private final MeterRegistry registry;

	SearchHandler(FootballData data, ConversationRepository conversations, Messages messages, Menus menus, Clock clock,
			MeterRegistry registry) {
		this.data = data;
		this.conversations = conversations;
		this.messages = messages;
		this.menus = menus;
		this.clock = clock;
		this.registry = registry;
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

	@Override
	public boolean supports(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		if (pressed != null) {
			return pressed.is(CallbackData.SEARCH, 0) || pressed.is(CallbackData.CANCEL, 0) || pressed.is(CallbackData.TEAM, 1);
		}
		Command command = context.command();
		if (command != null) {
			return command.name().equals("cancel");
		}
		// Free text in a private chat may be the answer to "type a team name".
		return context.text() != null && context.user() != null && context.chat() != null && !context.chat().isGroup();
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		Locale locale = context.locale();
		long user = context.user() != null ? context.user().id() : context.chatId();
		CallbackData pressed = CallbackData.parse(context.callbackData());
		if (pressed != null && pressed.is(CallbackData.SEARCH, 0)) {
			return conversations.save(new ConversationState(user, AWAITING_TEAM, null, clock.instant().plus(EXPIRES_AFTER)))
				.doOnSuccess(saved -> transition("none", "awaiting_team"))
				.then(new Screen(Html.escape(messages.get(locale, "search.prompt")),
						Keyboard.create().button(messages.get(locale, "button.cancel"), CallbackData.CANCEL).build())
					.show(context));
		}
		if ((pressed != null && pressed.is(CallbackData.CANCEL, 0)) || context.command() != null) {
			return conversations.clear(user)
				.doOnSuccess(cleared -> transition("any", "cancelled"))
				.then(new Screen(Html.escape(messages.get(locale, "search.cancelled")), menus.main(locale)).show(context));
		}
		if (pressed != null) {
			return teamGames(pressed.longArgument(0), locale).flatMap(screen -> screen.show(context));
		}
		return conversations.find(user, clock.instant())
			.filter(state -> AWAITING_TEAM.equals(state.state()))
			.doOnNext(state -> transition("awaiting_team", "searched"))
			.flatMap(state -> search(user, context.text().strip(), locale))
			.switchIfEmpty(Mono.fromSupplier(() -> new Screen(Html.escape(messages.get(locale, "unknown.text")),
					menus.main(locale))))
			.flatMap(screen -> screen.send(context));
	}

	private Mono<Screen> search(long user, String query, Locale locale) {
		if (query.length() < 3) {
			return Mono.just(new Screen(Html.escape(messages.get(locale, "search.short")),
					Keyboard.create().button(messages.get(locale, "button.cancel"), CallbackData.CANCEL).build()));
		}
		String shortQuery = query.length() > 40 ? query.substring(0, 40) : query;
		return conversations.clear(user).then(data.searchTeams(shortQuery)).flatMap(cached -> {
			List<Team> teams = cached.value().stream().limit(BrowseHandler.PAGE).toList();
			if (teams.isEmpty()) {
				return Mono.just(new Screen(messages.get(locale, "search.none.html", Html.escape(shortQuery)),
						menus.backTo(Keyboard.create(), CallbackData.SEARCH, locale).build()));
			}
			if (teams.size() == 1) {
				return teamGames(teams.get(0).id(), locale);
			}
			Keyboard keyboard = Keyboard.create();
			teams.forEach(team -> keyboard.button(team.name() + (team.country() == null ? "" : " (" + team.country() + ")"),
					CallbackData.of(CallbackData.TEAM, team.id())));
			return Mono.just(new Screen(messages.get(locale, "search.teams.html", Html.escape(shortQuery)),
					menus.backTo(keyboard, CallbackData.SEARCH, locale).build()));
		}).onErrorResume(error -> errorScreen(error, locale));
	}

	private Mono<Screen> teamGames(long team, Locale locale) {
		return data.nextFixtures(team, NEXT_GAMES).map(cached -> {
			List<Fixture> games = cached.value();
			if (games.isEmpty()) {
				return new Screen(messages.get(locale, "search.next.empty.html", "#" + team),
						menus.backOnly(CallbackData.SEARCH, locale));
			}
			Fixture first = games.get(0);
			String name = first.home().id() == team ? first.home().name() : first.away().name();
			Keyboard keyboard = Keyboard.create();
			games.forEach(f -> keyboard.button(messages.get(locale, "fixture.button", Format.dayTime(f.kickoff(), data.zone()),
					f.home().name(), f.away().name()), CallbackData.of(CallbackData.FIXTURE, f.id())));
			return new Screen(messages.get(locale, "search.next.html", Html.escape(name)),
					menus.backTo(keyboard, CallbackData.SEARCH, locale).build());
		}).onErrorResume(error -> errorScreen(error, locale));
	}

	private Mono<Screen> errorScreen(Throwable error, Locale locale) {
		String message = FootballErrors.message(error, messages, locale);
		return message == null ? Mono.error(error)
				: Mono.just(new Screen(Html.escape(message), menus.backOnly(CallbackData.MENU, locale)));
	}
}
