package io.analytips.bot;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.analytips.football.analysis.OneXTwo;
import io.analytips.football.api.Fixture;
import io.analytips.telegram.Html;
import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import io.analytips.telegram.model.InlineQueryResult;
import io.analytips.telegram.model.InlineQueryResultArticle;
import io.analytips.telegram.model.InlineQueryResultCachedPhoto;
import io.analytips.telegram.model.InputTextMessageContent;

/**
 * One fixture as an inline result: its teams as the title; kick-off (in the reader's zone) and the model's 1X2 in
 * one line as the description, or, when the analysis was not ready in time, a line that says so; the same as the
 * message it sends, with a button that opens the full analysis in the private chat ({@link DeepLinks}). With a
 * picture of the analysis cached on Telegram, the card is that picture, the message its caption.
 */
final class InlineCards {

	private final Messages messages;

	private final Leagues leagues;

	private final DisplayNames names;

	InlineCards(Messages messages, Leagues leagues, DisplayNames names) {
		this.messages = messages;
		this.leagues = leagues;
		this.names = names;
	}

	/**
	 * The card of {@code fixture}; {@code odds} its 1X2 if known, {@code picture} its picture's {@code file_id} if
	 * cached, {@code botUsername} the bot the button opens (no button without one).
	 */
	InlineQueryResult card(Fixture fixture, Optional<OneXTwo> odds, Optional<String> picture, Reader reader,
			String botUsername) {
		Locale locale = reader.locale();
		String home = names.display(fixture.home().name());
		String away = names.display(fixture.away().name());
		String title = messages.get(locale, "inline.title", home, away);
		String kickoff = Format.kickoff(fixture.kickoff(), reader.zone(), messages, locale);
		String line = odds.map(result -> oddsLine(result, home, away, locale))
			.orElseGet(() -> messages.get(locale, "inline.pending"));
		String html = messages.get(locale, "inline.card.html", Html.escape(home), Html.escape(away),
				Html.escape(leagues.name(fixture.league(), locale)), Html.escape(kickoff), Html.escape(line));
		String url = DeepLinks.url(botUsername, DeepLinks.fixture(fixture.id()));
		InlineKeyboardMarkup keyboard = url == null ? null
				: InlineKeyboardMarkup.of(List.of(List.of(InlineKeyboardButton.url(messages.get(locale, "inline.button"), url))));
		String id = DeepLinks.fixture(fixture.id());
		String description = kickoff + "\n" + line;
		return picture.<InlineQueryResult>map(
				fileId -> new InlineQueryResultCachedPhoto(id, fileId, title, description, html, "HTML", keyboard))
			.orElseGet(() -> new InlineQueryResultArticle(id, title, InputTextMessageContent.html(html), keyboard,
					description, null));
	}

	/** "Palmeiras 48% · Draw 28% · Santos 24%": percentages that add up to 100 ({@link Format#percents}). */
	String oddsLine(OneXTwo result, String home, String away, Locale locale) {
		String[] shown = Format.percents(locale, result.home(), result.draw(), result.away());
		return messages.get(locale, "inline.odds", home, shown[0], shown[1], away, shown[2]);
	}
}
