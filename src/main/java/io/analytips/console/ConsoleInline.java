package io.analytips.console;

import java.util.List;
import java.util.function.UnaryOperator;

import io.analytips.telegram.model.AnswerInlineQuery;
import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import io.analytips.telegram.model.InlineQueryResult;
import io.analytips.telegram.model.InlineQueryResultArticle;
import io.analytips.telegram.model.InlineQueryResultCachedPhoto;

/**
 * An inline answer as terminal text: what Telegram would show above the chat's input (each card's title and
 * description), then what choosing the card sends, its link, and the {@code /start} line that follows the link here.
 */
final class ConsoleInline {

	private ConsoleInline() {
	}

	/** The answer as the demo prints it; a cached photo's file_id shown as {@code photoPath} gives it (its file). */
	static String render(AnswerInlineQuery answer, boolean english, UnaryOperator<String> photoPath) {
		StringBuilder text = new StringBuilder(english ? "Inline results: " : "Resultados inline: ")
			.append(answer.results().size());
		if (answer.button() != null) {
			text.append("\n[").append(answer.button().text()).append("] → /start ").append(answer.button().startParameter());
		}
		int number = 1;
		for (InlineQueryResult result : answer.results()) {
			text.append("\n\n").append(number++).append(". ");
			String message;
			if (result instanceof InlineQueryResultArticle article) {
				text.append(article.title()).append(indented(article.description()));
				message = article.inputMessageContent().messageText();
			}
			else {
				InlineQueryResultCachedPhoto photo = (InlineQueryResultCachedPhoto) result;
				text.append(photo.title()).append(indented(photo.description())).append("\n   🖼 ")
					.append(photoPath.apply(photo.photoFileId()));
				message = photo.caption();
			}
			text.append("\n   ┆ ").append(ConsoleScreen.plain(message).replace("\n", "\n   ┆ "));
			for (InlineKeyboardButton button : buttons(result.replyMarkup())) {
				text.append("\n   [").append(button.text()).append("] → ").append(button.url());
				int start = button.url() == null ? -1 : button.url().indexOf("?start=");
				if (start >= 0) {
					text.append(english ? "  (here: /start " : "  (aqui: /start ")
						.append(button.url().substring(start + "?start=".length()))
						.append(')');
				}
			}
		}
		return text.toString();
	}

	private static String indented(String description) {
		return description == null ? "" : "\n   " + description.replace("\n", "\n   ");
	}

	private static List<InlineKeyboardButton> buttons(InlineKeyboardMarkup keyboard) {
		return ConsoleScreen.buttons(keyboard);
	}
}
