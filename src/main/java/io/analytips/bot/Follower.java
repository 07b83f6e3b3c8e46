package io.analytips.bot;

import io.analytips.pipeline.UpdateContext;

/** The chat a screen's follow buttons act for: one bot's chat (a private chat's id is its user's). */
record Follower(long bot, long chat) {

	/** The update's bot and chat; null when the update has no chat to follow for. */
	static Follower of(UpdateContext context) {
		Long chat = context.chatId();
		return chat == null ? null : new Follower(context.bot().id(), chat);
	}
}
