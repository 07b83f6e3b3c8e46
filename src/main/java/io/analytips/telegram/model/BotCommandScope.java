package io.analytips.telegram.model;

/** {@code scope} of {@code setMyCommands}: whose command menu a list is ({@code all_group_chats}: every group's). */
public record BotCommandScope(String type) {

	/** The menu members of every group and supergroup see. */
	public static final BotCommandScope ALL_GROUP_CHATS = new BotCommandScope("all_group_chats");
}
