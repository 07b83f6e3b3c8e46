package io.analytips.bot;

import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.Html;
import io.analytips.telegram.model.User;
import reactor.core.publisher.Mono;

/** {@code /start}: the welcome message with the main menu. */
final class StartHandler implements Handler {

	private final Messages messages;

	private final Menus menus;

	StartHandler(Messages messages, Menus menus) {
		this.messages = messages;
		this.menus = menus;
	}

	@Override
	public boolean supports(UpdateContext context) {
		Command command = context.command();
		return command != null && command.name().equals("start");
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		User user = context.user();
		String name = user == null || user.firstName() == null ? "" : user.firstName();
		return context.reply(messages.get(context, "welcome.html", Html.escapeShort(name, 64)),
				menus.main(context.locale())).then();
	}
}
