package io.analytips.bot;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import reactor.core.publisher.Mono;

/** The menu and help buttons. */
final class MenuHandler implements Handler {

	private final Messages messages;

	private final Menus menus;

	private final Preferences preferences;

	MenuHandler(Messages messages, Menus menus, Preferences preferences) {
		this.messages = messages;
		this.menus = menus;
		this.preferences = preferences;
	}

	/** The menu and the help are answered from memory. */
	@Override
	public boolean isNavigation(UpdateContext context) {
		return true;
	}

	@Override
	public boolean supports(UpdateContext context) {
		CallbackData data = CallbackData.parse(context.callbackData());
		return data != null && (data.is(CallbackData.MENU, 0) || data.is(CallbackData.HELP, 0));
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		boolean help = CallbackData.parse(context.callbackData()).is(CallbackData.HELP, 0);
		return preferences.of(context).flatMap(reader -> (help
				? new Screen(messages.get(reader.locale(), "help.html"), menus.backOnly(CallbackData.MENU, reader.locale()))
				: new Screen(messages.get(reader.locale(), "menu.html"), menus.main(reader.locale()))).show(context));
	}
}
