package io.analytips.telegram.model;

/**
 * A press on an inline keyboard button. {@code message} is absent for inline-mode messages;
 * {@code data} is absent for game buttons. Telegram keeps a spinner until it is answered.
 */
public record CallbackQuery(String id, User from, Message message, String inlineMessageId, String chatInstance,
		String data) {
}
