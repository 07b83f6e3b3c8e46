package io.analytips.telegram.model;

/** A command shown in the client's menu ({@code setMyCommands}). */
public record BotCommand(String command, String description) {
}
