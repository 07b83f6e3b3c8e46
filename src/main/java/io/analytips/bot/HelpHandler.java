package io.analytips.bot;

import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import reactor.core.publisher.Mono;

/** {@code /help}: the list of commands. */
final class HelpHandler implements Handler {

	private final Messages messages;

	HelpHandler(Messages messages) {
		this.messages = messages;
	}

	@Override
	public boolean supports(UpdateContext context) {
		Command command = context.command();
		return command != null && command.name().equals("help");
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		return context.reply(messages.get(context, "help.html")).then();
	}
}
