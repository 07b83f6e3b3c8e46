package io.analytips.telegram;

/**
 * What the outbound scheduler learns from Telegram's answers that others must act on. Called on
 * the thread that saw the answer; implementations must not block.
 */
public interface OutboundListener {

	/** 403: the user blocked the bot, or the bot was removed from the chat. */
	default void chatBlocked(long chatId) {
	}

	/** 400 with {@code migrate_to_chat_id}: a group became a supergroup with a new id. */
	default void chatMigrated(long fromChatId, long toChatId) {
	}

	/** 401: the token was revoked; nothing can be sent until an operator fixes it. */
	default void unauthorized(TelegramException error) {
	}

	/** A listener that ignores everything. */
	OutboundListener NONE = new OutboundListener() {
	};
}
