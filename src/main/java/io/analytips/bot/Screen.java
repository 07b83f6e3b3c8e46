package io.analytips.bot;

import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.model.EditMessageText;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import io.analytips.telegram.model.Message;
import reactor.core.publisher.Mono;

/**
 * A screen of the conversation: HTML text and its buttons. Shown in place of the message whose
 * button was pressed (so navigating does not flood the chat), or as a new message otherwise.
 */
record Screen(String html, InlineKeyboardMarkup keyboard) {

	Mono<Void> show(UpdateContext context) {
		Message pressed = context.isCallback() ? context.update().callbackQuery().message() : null;
		if (pressed == null || pressed.chat() == null) {
			return context.reply(html, keyboard).then();
		}
		return context.answerCallback(null, false)
			.then(context.outbound()
				.editMessageText(EditMessageText.html(pressed.chat().id(), pressed.messageId(), html, keyboard)))
			.then();
	}

	/** Always as a new message (analyses: the user may want to keep them). */
	Mono<Void> send(UpdateContext context) {
		return context.reply(html, keyboard).then();
	}
}
