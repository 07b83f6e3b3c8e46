package io.analytips.bot;

import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import reactor.core.publisher.Mono;

/** {@code /help} ({@code /ajuda}): the list of commands. */
final class HelpHandler implements Handler {

	private final Messages messages;

	private final Preferences preferences;

	HelpHandler(Messages messages, Preferences preferences) {
		this.messages = messages;
		this.preferences = preferences;
	}

	@Override
	public boolean supports(UpdateContext context) {
		Command command = context.command();
		return command != null && (command.name().equals("help") || command.name().equals("ajuda"));
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		return preferences.of(context).flatMap(reader -> context.reply(messages.get(reader.locale(), "help.html"))).then();
	}
}
