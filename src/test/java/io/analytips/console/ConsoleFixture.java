package io.analytips.console;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.analytips.telegram.model.GetUpdates;
import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@link ConsoleBotApi} tests share: terminals that print into {@link #printed()} and keep their files in a
 * folder of the test's own, a fixed clock, a first long poll and a screen of two buttons.
 */
abstract class ConsoleFixture {

	@TempDir
	static Path folder;

	final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	/** For tests where nobody answers: each line's answer is given up on at once. */
	static final Duration NO_WAIT = Duration.ZERO;

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

	static final GetUpdates FROM_START = new GetUpdates(0L, 100, 50, List.of());

	static final InlineKeyboardMarkup TWO_BUTTONS = InlineKeyboardMarkup.of(List.of(
			List.of(InlineKeyboardButton.callback("Jogos de hoje", "today"), InlineKeyboardButton.callback("Ajuda", "help"))));

	String printed() {
		return printed.toString(StandardCharsets.UTF_8);
	}

	/** A terminal typing {@code input} (not a script: nothing is echoed). */
	ConsoleBotApi terminal(String input, String language, Duration answerWait, Runnable onEnd) {
		// not the working directory's data/demo: a demo run there may have left its chat's menu in another language
		return terminal(input, language, answerWait, onEnd, folder.resolve("shared").resolve("pictures"));
	}

	ConsoleBotApi terminal(String input, String language, Duration answerWait, Runnable onEnd, Path pictures) {
		return new ConsoleBotApi(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(printed, true, StandardCharsets.UTF_8), "Ana", language, CLOCK, answerWait, false, onEnd,
				pictures);
	}
}
