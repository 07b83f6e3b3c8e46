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
			.pair(text(locale, "button.settings"), CallbackData.SETTINGS, text(locale, "button.help"), CallbackData.HELP)
			.pair(text(locale, "button.my.teams"), CallbackData.MY_TEAMS, text(locale, "button.record"), CallbackData.RECORD)
			.build();
	}

	/** Back to one screen, plus the menu. */
	Keyboard backTo(Keyboard keyboard, String back, Locale locale) {
		return keyboard.pair(text(locale, "button.back"), back, text(locale, "button.menu"), CallbackData.MENU);
	}

	/** The analyses of a fixture opened from {@code origin} (the screen its back button returns to). */
	InlineKeyboardMarkup analyses(long fixtureId, String origin, Locale locale) {
		return analyses(fixtureId, origin, locale, new String[0]);
	}

	/** The same, with a row of more buttons ({@code textAndData}: text, data, …) above the back buttons. */
	InlineKeyboardMarkup analyses(long fixtureId, String origin, Locale locale, String... textAndData) {
		Keyboard keyboard = Keyboard.create()
			.button(text(locale, "button.analysis.full"), analysis(fixtureId, AnalysisKind.FULL, origin))
			.pair(text(locale, "button.analysis.goals"), analysis(fixtureId, AnalysisKind.GOALS, origin),
					text(locale, "button.analysis.corners"), analysis(fixtureId, AnalysisKind.CORNERS, origin))
			.pair(text(locale, "button.analysis.btts"), analysis(fixtureId, AnalysisKind.BTTS, origin),
					text(locale, "button.analysis.result"), analysis(fixtureId, AnalysisKind.RESULT, origin))
			.button(text(locale, "button.h2h"), CallbackData.from(origin, CallbackData.HEAD_TO_HEAD, fixtureId))
			.row(textAndData);
		return backTo(keyboard, origin, locale).build();
	}

	private static String analysis(long fixtureId, AnalysisKind kind, String origin) {
		return CallbackData.from(origin, CallbackData.ANALYSIS, fixtureId, kind.code());
	}

	/** A fixture's button in a list: opens its analyses, whose back button returns to the list ({@code origin}). */
	static String fixture(long fixtureId, String origin) {
		return CallbackData.from(origin, CallbackData.FIXTURE, fixtureId);
	}

	InlineKeyboardMarkup backOnly(String back, Locale locale) {
		return backTo(Keyboard.create(), back, locale).build();
	}

	private String text(Locale locale, String key) {
		return messages.get(locale, key);
	}
}
