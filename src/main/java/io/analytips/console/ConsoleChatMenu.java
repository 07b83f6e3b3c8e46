package io.analytips.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.analytips.telegram.model.BotCommand;
import io.analytips.telegram.model.SetMyCommands;

/**
 * The language of the demo chat's command menu, which the console's own lines (the banner, "Leaving the demo…", the
 * goodbye) speak: the client's ({@code DEMO_LANGUAGE}) until the bot sets the chat's menu in the language its user
 * chose ({@code /idioma}), then that one. Kept in a file beside the pictures' folder, as Telegram keeps a chat's
 * menu, so the next run in the same folder starts in it. Blocking: read at start, written on the printing thread.
 */
final class ConsoleChatMenu {

	/** A command only the English menu has. */
	private static final String ENGLISH_COMMAND = "today";

	private final Path file;

	private volatile boolean english;

	ConsoleChatMenu(Path pictures, String clientLanguage) {
		this.file = pictures.toAbsolutePath().resolveSibling("chat-menu-language");
		String kept = read(file);
		this.english = (kept != null ? kept : clientLanguage).toLowerCase(Locale.ROOT).startsWith("en");
	}

	boolean english() {
		return english;
	}

	/** Takes the menu {@code request} sets, if it is the demo chat's own ({@code chatId}); ignores any other. */
	void set(SetMyCommands request, long chatId) {
		if (request.scope() == null || !"chat".equals(request.scope().type())
				|| !Long.valueOf(chatId).equals(request.scope().chatId())) {
			return;
		}
		boolean inEnglish = request.commands().stream().map(BotCommand::command).anyMatch(ENGLISH_COMMAND::equals);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, inEnglish ? "en\n" : "pt-br\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		english = inEnglish;
	}

	private static String read(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
		}
		catch (IOException ex) {
			return null; // an unreadable note of the menu: the client's language, as on a first run
		}
	}
}
