package io.analytips.telegram.model;

/**
 * {@code scope} of {@code setMyCommands}: whose command menu a list is ({@code all_group_chats}: every group's;
 * {@code chat}: one chat's, {@code chatId} set).
 */
public record BotCommandScope(String type, Long chatId) {

	/** The menu members of every group and supergroup see. */
	public static final BotCommandScope ALL_GROUP_CHATS = new BotCommandScope("all_group_chats", null);

	/** The menu of one chat, whatever its members' client language. */
	public static BotCommandScope chat(long chatId) {
		return new BotCommandScope("chat", chatId);
	}
}
