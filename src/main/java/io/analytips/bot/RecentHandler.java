package io.analytips.bot;

import java.util.Locale;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.store.AnalysisRepository;
import reactor.core.publisher.Mono;

/** The user's recent analyses, each leading back to its fixture's analysis menu. */
final class RecentHandler implements Handler {

	private static final int SHOWN = 8;

	private final AnalysisRepository history;

	private final Messages messages;

	private final Menus menus;

	RecentHandler(AnalysisRepository history, Messages messages, Menus menus) {
		this.history = history;
		this.messages = messages;
		this.menus = menus;
	}

	/** One read of the user's own rows in the database: no upstream call, no model run. */
	@Override
	public boolean isNavigation(UpdateContext context) {
		return true;
	}

	@Override
	public boolean supports(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		return pressed != null && pressed.is(CallbackData.RECENT, 0) && context.user() != null;
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		Locale locale = context.locale();
		return history.recent(context.user().id(), SHOWN).collectList().flatMap(recent -> {
			if (recent.isEmpty()) {
				return new Screen(messages.get(locale, "recent.empty.html"), menus.backOnly(CallbackData.MENU, locale))
					.show(context);
			}
			Keyboard keyboard = Keyboard.create();
			recent.forEach(analysis -> keyboard.button(messages.get(locale, "recent.button", analysis.home(), analysis.away(),
					messages.get(locale, "kind." + analysis.kind())), CallbackData.of(CallbackData.FIXTURE, analysis.fixtureId())));
			return new Screen(messages.get(locale, "recent.html"), menus.backTo(keyboard, CallbackData.MENU, locale).build())
				.show(context);
		});
	}
}
