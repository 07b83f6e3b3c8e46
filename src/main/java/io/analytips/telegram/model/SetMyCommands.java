package io.analytips.telegram.model;

import java.util.List;

/**
 * {@code setMyCommands}; a null {@code languageCode} sets the list of every language without its own; a null
 * {@code scope} the list of every chat without its own (Telegram's {@code default}).
 */
public record SetMyCommands(List<BotCommand> commands, String languageCode, BotCommandScope scope) {

	/** The list of chats of every kind. */
	public SetMyCommands(List<BotCommand> commands, String languageCode) {
		this(commands, languageCode, null);
	}
}
