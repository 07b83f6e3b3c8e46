package io.analytips.bot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import io.analytips.football.FootballData;
import io.analytips.football.api.Fixture;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.store.AnalysisRepository;
import io.analytips.store.StoredAnalysis;
import io.analytips.telegram.Html;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The user's recent analyses ({@code 📜}), each dated; pressing one reopens it as the user read it, with the
 * match's result once played and the chance the bot had given that result.
 */
final class RecentHandler implements Handler {

	static final int SHOWN = 8;

	private static final JsonMapper JSON = JsonMapper.shared();

	private final AnalysisRepository history;

	private final FootballData data;

	private final Messages messages;

	private final Menus menus;

	private final Preferences preferences;

	private final DisplayNames teams;

	RecentHandler(AnalysisRepository history, FootballData data, Messages messages, Menus menus, Preferences preferences,
			DisplayNames teams) {
		this.history = history;
		this.data = data;
		this.messages = messages;
		this.menus = menus;
		this.preferences = preferences;
		this.teams = teams;
	}

	/** Reads of the user's own rows, and a cached read of the fixture: no model run. */
	@Override
	public boolean isNavigation(UpdateContext context) {
		return true;
	}

	@Override
	public boolean supports(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		return pressed != null && context.user() != null
				&& (pressed.is(CallbackData.RECENT, 0) || pressed.is(CallbackData.REOPEN, 1));
	}

	@Override
	public String action(UpdateContext context) {
		return CallbackData.parse(context.callbackData()).is(CallbackData.RECENT, 0) ? "recent" : "reopen";
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		if (context.isGroupChat()) {
			// a member's analyses, asked in private too, are not the group's to read: they are listed in private only
			String bot = StartHandler.addressed(context);
			String me = bot.isEmpty() ? "" : " (" + Html.escape(bot) + ")";
			return preferences.of(context).flatMap(reader -> new Screen(messages.get(reader.locale(), "recent.group.html", me),
					menus.backOnly(CallbackData.MENU, reader.locale())).show(context));
		}
		return preferences.of(context).flatMap(reader -> pressed.is(CallbackData.RECENT, 0) ? list(context, reader)
				: reopen(context, pressed.longArgument(0), reader));
	}

	private Mono<Void> list(UpdateContext context, Reader reader) {
		Locale locale = reader.locale();
		return history.recent(context.bot().id(), context.user().id(), SHOWN).collectList().flatMap(recent -> {
			if (recent.isEmpty()) {
				return new Screen(messages.get(locale, "recent.empty.html"), menus.backOnly(CallbackData.MENU, locale))
					.show(context);
			}
			Keyboard keyboard = Keyboard.create();
			recent.forEach(analysis -> keyboard.button(messages.get(locale, "recent.button",
					Format.day(day(analysis, reader.zone())), teams.display(analysis.home()), teams.display(analysis.away()),
					messages.get(locale, "kind." + analysis.kind())), CallbackData.of(CallbackData.REOPEN, analysis.id())));
			return new Screen(messages.get(locale, "recent.html"), menus.backTo(keyboard, CallbackData.MENU, locale).build())
				.show(context);
		});
	}

	private Mono<Void> reopen(UpdateContext context, long id, Reader reader) {
		Locale locale = reader.locale();
		return history.find(context.bot().id(), context.user().id(), id).flatMap(analysis -> outcome(analysis, reader).map(result -> {
			String heading = messages.get(locale, "recent.reopened.html", Format.dayTime(analysis.createdAt(), reader.zone()),
					Html.escape(messages.get(locale, "kind." + analysis.kind())));
			String body = analysis.html() != null ? analysis.html() : Html.escape(messages.get(locale, "recent.nottext",
					teams.display(analysis.home()), teams.display(analysis.away())));
			Keyboard keyboard = Keyboard.create().button(messages.get(locale, "button.analyse.again"),
					Menus.fixture(analysis.fixtureId(), CallbackData.RECENT));
			return new Screen(heading + "\n\n" + body + result, menus.backTo(keyboard, CallbackData.RECENT, locale).build());
		}))
			.switchIfEmpty(Mono.fromSupplier(() -> new Screen(messages.get(locale, "recent.gone.html"),
					menus.backOnly(CallbackData.RECENT, locale))))
			.flatMap(screen -> screen.send(context));
	}

	/**
	 * What became of the match: its score and the chance the bot had given that result once played, the live score
	 * while it is played, nothing before; and nothing (not an error) when the fixture cannot be read now.
	 */
	private Mono<String> outcome(StoredAnalysis analysis, Reader reader) {
		Locale locale = reader.locale();
		return data.fixture(analysis.fixtureId())
			.map(cached -> {
				Fixture f = cached.value();
				String home = teams.display(f.home().name());
				String away = teams.display(f.away().name());
				if (f.isFinished() && f.homeGoals() != null && f.awayGoals() != null) {
					String score = messages.get(locale, "recent.final", home, String.valueOf(f.homeGoals()), String.valueOf(f.awayGoals()), away);
					return "\n\n" + Html.escape(given(analysis, f, home, away, locale).map(said -> score + " " + said).orElse(score));
				}
				if (f.isLive() && f.homeGoals() != null && f.awayGoals() != null) {
					return "\n\n" + Html.escape(messages.get(locale, "recent.live", home, String.valueOf(f.homeGoals()), String.valueOf(f.awayGoals()), away));
				}
				return "\n\n" + Html.escape(messages.get(locale, "recent.upcoming"));
			})
			.defaultIfEmpty("")
			.onErrorResume(error -> Mono.just(""));
	}

	/** "The model gave 47% to a Goiás win", from the probabilities stored with the analysis. */
	private Optional<String> given(StoredAnalysis analysis, Fixture f, String home, String away, Locale locale) {
		try {
			JsonNode result = JSON.readTree(analysis.payload()).path("result");
			int goals = Integer.compare(f.homeGoals(), f.awayGoals());
			String side = goals > 0 ? "home" : goals < 0 ? "away" : "draw";
			if (!result.path(side).isNumber()) {
				return Optional.empty();
			}
			String outcome = switch (side) {
				case "home" -> messages.get(locale, "analysis.selection.home", home);
				case "away" -> messages.get(locale, "analysis.selection.away", away);
				default -> messages.get(locale, "analysis.selection.draw");
			};
			return Optional.of(messages.get(locale, "recent.given", Format.percent(result.path(side).asDouble(), locale),
					outcome));
		}
		catch (RuntimeException unreadable) {
			return Optional.empty();
		}
	}

	private static LocalDate day(StoredAnalysis analysis, ZoneId zone) {
		Instant when = analysis.kickoff() != null ? analysis.kickoff() : analysis.createdAt();
		return when.atZone(zone).toLocalDate();
	}
}
