package io.analytips.bot;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import reactor.core.publisher.Mono;

/** The menu and help buttons. */
final class MenuHandler implements Handler {

	private final Messages messages;

	private final Menus menus;

	MenuHandler(Messages messages, Menus menus) {
		this.messages = messages;
		this.menus = menus;
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
		CallbackData data = CallbackData.parse(context.callbackData());
		if (data.is(CallbackData.HELP, 0)) {
			return new Screen(messages.get(context, "help.html"), menus.backOnly(CallbackData.MENU, context.locale()))
				.show(context);
		}
		return new Screen(messages.get(context, "menu.html"), menus.main(context.locale())).show(context);
	}
}
