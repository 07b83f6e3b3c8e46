package io.analytips.telegram.model;

import java.util.List;

/** Rows of inline buttons attached to a message. */
public record InlineKeyboardMarkup(List<List<InlineKeyboardButton>> inlineKeyboard) {

	public InlineKeyboardMarkup {
		inlineKeyboard = inlineKeyboard.stream().map(List::copyOf).toList();
	}

	public static InlineKeyboardMarkup of(List<List<InlineKeyboardButton>> rows) {
		return new InlineKeyboardMarkup(rows);
	}
}
