package io.analytips.telegram.model;

import java.util.List;

/**
 * An incoming update. Only the kinds the bot asks for are typed; any other kind parses with all
 * of them null and {@link #kind()} answers {@code "unsupported"}.
 */
public record Update(long updateId, Message message, Message editedMessage, CallbackQuery callbackQuery,
		ChatMemberUpdated myChatMember, InlineQuery inlineQuery) {

	/** The update kinds requested from Telegram ({@code allowed_updates}). */
	public static final List<String> ALLOWED = List.of("message", "callback_query",
			"my_chat_member", "inline_query");

	/** {@code message}, {@code edited_message}, {@code callback_query}, {@code my_chat_member}, {@code inline_query} or {@code unsupported}. */
	public String kind() {
		if (message != null) {
			return "message";
		}
		if (callbackQuery != null) {
			return "callback_query";
		}
		if (myChatMember != null) {
			return "my_chat_member";
		}
		if (editedMessage != null) {
			return "edited_message";
		}
		return inlineQuery != null ? "inline_query" : "unsupported";
	}

	/** The user who caused the update, or null (channel posts, anonymous admins). */
	public User user() {
		if (message != null) {
			return message.from();
		}
		if (callbackQuery != null) {
			return callbackQuery.from();
		}
		if (myChatMember != null) {
			return myChatMember.from();
		}
		if (inlineQuery != null) {
			return inlineQuery.from();
		}
		return editedMessage != null ? editedMessage.from() : null;
	}

	/** The chat the update belongs to, or null (a callback from an inline-mode message, an inline query). */
	public Chat chat() {
		if (message != null) {
			return message.chat();
		}
		if (callbackQuery != null) {
			return callbackQuery.message() != null ? callbackQuery.message().chat() : null;
		}
		if (myChatMember != null) {
			return myChatMember.chat();
		}
		return editedMessage != null ? editedMessage.chat() : null;
	}
}
