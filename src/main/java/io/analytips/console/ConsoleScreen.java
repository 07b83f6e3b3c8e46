package io.analytips.console;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;

/** Turns the bot's HTML messages and inline keyboards into terminal text with numbered buttons. */
final class ConsoleScreen {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private ConsoleScreen() {
	}

	/** What the demo says first: how to use it, and which real day each league's games are from (when known). */
	static List<String> banner(boolean english, Map<String, LocalDate> replayed) {
		List<String> lines = new ArrayList<>();
		lines.add(english ? "Analytips — offline demo. Type /start, then a button's number to press it. /quit (or Ctrl-D) leaves."
				: "Analytips — demo offline. Digite /start e depois o número de um botão para tocá-lo. /sair (ou Ctrl-D) encerra.");
		lines.add(english ? "Inline mode, as in any chat: @ <team> (or @ alone for today's games); /start f<id> follows a card's link."
				: "Modo inline, como em qualquer conversa: @ <time> (ou só @ para os jogos de hoje); /start f<id> segue o link de um card.");
		if (!replayed.isEmpty()) {
			List<String> days = new ArrayList<>();
			replayed.forEach((league, day) -> days.add(league + (english ? " of " : " de ") + DAY.format(day)));
			lines.add((english ? "Today's games are real matches replayed: " : "Os jogos de hoje são partidas reais repetidas: ")
					+ String.join("; ", days) + ".");
		}
		return lines;
	}

	/** Telegram HTML as plain text: tags dropped, the four entities Telegram uses decoded. */
	static String plain(String html) {
		return html.replaceAll("<[^>]+>", "")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&amp;", "&");
	}

	/**
	 * A callback query's answer as a line: an alert with one icon (its own, else ⚠), a toast after "» ". The
	 * bot's notices begin with their icon ("⏳ Você enviou…"), which a second one would only repeat.
	 */
	static String notice(String text, boolean alert) {
		if (!alert) {
			return "» " + text;
		}
		return Character.getType(text.codePointAt(0)) == Character.OTHER_SYMBOL ? text : "⚠ " + text;
	}

	/** The buttons in reading order (row by row). */
	static List<InlineKeyboardButton> buttons(InlineKeyboardMarkup keyboard) {
		List<InlineKeyboardButton> buttons = new ArrayList<>();
		if (keyboard != null) {
			keyboard.inlineKeyboard().forEach(buttons::addAll);
		}
		return buttons;
	}

	/** The message, then one line per keyboard row: {@code [1] Today  [2] Search}. */
	static String render(String html, InlineKeyboardMarkup keyboard) {
		StringBuilder text = new StringBuilder(plain(html));
		if (keyboard != null && !keyboard.inlineKeyboard().isEmpty()) {
			int number = 1;
			for (List<InlineKeyboardButton> row : keyboard.inlineKeyboard()) {
				text.append('\n');
				for (InlineKeyboardButton button : row) {
					text.append(number == 1 || text.charAt(text.length() - 1) == '\n' ? "" : "   ")
						.append('[')
						.append(number++)
						.append("] ")
						.append(button.text());
				}
			}
		}
		return text.toString();
	}
}
