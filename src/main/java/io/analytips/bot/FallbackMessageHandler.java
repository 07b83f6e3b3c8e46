package io.analytips.bot;

import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.Html;
import reactor.core.publisher.Mono;

/**
 * Any message no other handler took: a polite reply to an unknown command, to free text and to
 * non-text messages; silence for what the bot only overheard ({@link UpdateContext#isOverheard}: the talk of a
 * group, another bot's command), which ends done, unanswered. Never echoes more than a short, escaped command name.
 */
final class FallbackMessageHandler implements Handler {

	private final Messages messages;

	private final Preferences preferences;

	FallbackMessageHandler(Messages messages, Preferences preferences) {
		this.messages = messages;
		this.preferences = preferences;
	}

	@Override
	public boolean supports(UpdateContext context) {
		return context.update().message() != null;
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		if (context.isOverheard()) {
			return Mono.empty(); // in groups, only commands are for the bot; and never another bot's commands
		}
		Command command = context.command();
		return preferences.of(context).flatMap(reader -> {
			String reply;
			if (command != null) {
				reply = messages.get(reader.locale(), "unknown.command.html", Html.escapeShort(command.name(), 32));
			}
			else if (context.text() != null) {
				reply = Html.escape(messages.get(reader.locale(), "unknown.text"));
			}
			else {
				reply = Html.escape(messages.get(reader.locale(), "non.text"));
			}
			return context.reply(reply);
		}).then();
	}
}
