package io.analytips.bot;

import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.Html;
import io.analytips.telegram.model.User;
import reactor.core.publisher.Mono;

/**
 * {@code /start} (and {@code /menu}): the welcome message with the main menu. In a group, a welcome that says how to
 * address the bot there ({@code /tabela@bot}), as free text is not read in groups.
 */
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
		// in a group the bot reads only commands addressed to it: the welcome says how, not "type a team's name"
		String key = context.isGroupChat() ? "welcome.group.html" : "welcome.html";
		return preferences.of(context)
			.flatMap(reader -> context.reply(messages.get(reader.locale(), key, Html.escapeShort(name, 64),
					Html.escape(addressed(context))), menus.main(reader.locale())))
			.then();
	}

	/** How a command is addressed to this bot in a group: {@code @analytips_bot}; nothing while its name is unknown. */
	static String addressed(UpdateContext context) {
		String username = context.bot().username();
		return username.isEmpty() ? "" : "@" + username;
	}
}
