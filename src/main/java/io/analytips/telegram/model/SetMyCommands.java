package io.analytips.telegram.model;

import java.util.List;

/** {@code setMyCommands}; a null {@code languageCode} sets the default list. */
public record SetMyCommands(List<BotCommand> commands, String languageCode) {
}
