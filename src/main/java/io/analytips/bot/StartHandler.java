package io.analytips.bot;

import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.Html;
import io.analytips.telegram.model.User;
import reactor.core.publisher.Mono;

/** {@code /start} (and {@code /menu}): the welcome message with the main menu. */
final class StartHandler implements Handler {

	private final Messages messages;

	private final Menus menus;

	private final Preferences preferences;

	StartHandler(Messages messages, Menus menus, Preferences preferences) {
		this.messages = messages;
		this.menus = menus;
		this.preferences = preferences;
	}

	@Override
	public boolean supports(UpdateContext context) {
		Command command = context.command();
		return command != null && (command.name().equals("start") || command.name().equals("menu"));
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		User user = context.user();
		String name = user == null || user.firstName() == null ? "" : user.firstName();
		return preferences.of(context)
			.flatMap(reader -> context.reply(messages.get(reader.locale(), "welcome.html", Html.escapeShort(name, 64)),
					menus.main(reader.locale())))
			.then();
	}
}
