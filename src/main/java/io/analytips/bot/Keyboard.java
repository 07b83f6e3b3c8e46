package io.analytips.bot;

import java.util.ArrayList;
import java.util.List;

import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;

/** A small builder for inline keyboards. Button data is checked against Telegram's 64-byte limit. */
final class Keyboard {

	private final List<List<InlineKeyboardButton>> rows = new ArrayList<>();

	static Keyboard create() {
		return new Keyboard();
	}

	/** A row of one button. */
	Keyboard button(String text, String data) {
		rows.add(List.of(InlineKeyboardButton.callback(text, data)));
		return this;
	}

	/** A row of two buttons. */
	Keyboard pair(String text, String data, String otherText, String otherData) {
		rows.add(List.of(InlineKeyboardButton.callback(text, data), InlineKeyboardButton.callback(otherText, otherData)));
		return this;
	}

	/** A row of any number of buttons (text, data, text, data, ...); an empty row is left out. */
	Keyboard row(String... textAndData) {
		List<InlineKeyboardButton> row = new ArrayList<>();
		for (int i = 0; i < textAndData.length; i += 2) {
			row.add(InlineKeyboardButton.callback(textAndData[i], textAndData[i + 1]));
		}
		if (!row.isEmpty()) {
			rows.add(row);
		}
		return this;
	}

	InlineKeyboardMarkup build() {
		return InlineKeyboardMarkup.of(rows);
	}
}
