package io.analytips.bot;

import java.util.Locale;

import io.analytips.football.AnalysisKind;
import io.analytips.telegram.model.InlineKeyboardMarkup;

/** The keyboards shared by several screens. */
final class Menus {

	private final Messages messages;

	Menus(Messages messages) {
		this.messages = messages;
	}

	InlineKeyboardMarkup main(Locale locale) {
		return Keyboard.create()
			.pair(text(locale, "button.today"), CallbackData.TODAY, text(locale, "button.search"), CallbackData.SEARCH)
			.pair(text(locale, "button.leagues"), CallbackData.LEAGUES, text(locale, "button.recent"), CallbackData.RECENT)
			.button(text(locale, "button.help"), CallbackData.HELP)
			.build();
	}

	/** Back to one screen, plus the menu. */
	Keyboard backTo(Keyboard keyboard, String back, Locale locale) {
		return keyboard.pair(text(locale, "button.back"), back, text(locale, "button.menu"), CallbackData.MENU);
	}

	InlineKeyboardMarkup analyses(long fixtureId, String back, Locale locale) {
		Keyboard keyboard = Keyboard.create()
			.button(text(locale, "button.analysis.full"), CallbackData.of(CallbackData.ANALYSIS, fixtureId, AnalysisKind.FULL.code()))
			.pair(text(locale, "button.analysis.goals"), CallbackData.of(CallbackData.ANALYSIS, fixtureId, AnalysisKind.GOALS.code()),
					text(locale, "button.analysis.corners"),
					CallbackData.of(CallbackData.ANALYSIS, fixtureId, AnalysisKind.CORNERS.code()))
			.pair(text(locale, "button.analysis.btts"), CallbackData.of(CallbackData.ANALYSIS, fixtureId, AnalysisKind.BTTS.code()),
					text(locale, "button.analysis.result"),
					CallbackData.of(CallbackData.ANALYSIS, fixtureId, AnalysisKind.RESULT.code()));
		return backTo(keyboard, back, locale).build();
	}

	InlineKeyboardMarkup backOnly(String back, Locale locale) {
		return backTo(Keyboard.create(), back, locale).build();
	}

	private String text(Locale locale, String key) {
		return messages.get(locale, key);
	}
}
