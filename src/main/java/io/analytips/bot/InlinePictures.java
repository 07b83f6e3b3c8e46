package io.analytips.bot;

import java.util.Locale;

import reactor.core.publisher.Mono;

/**
 * The picture of a fixture's analysis that is already on Telegram's servers, for the inline cards: a card whose
 * fixture has one is offered as that picture ({@code InlineQueryResultCachedPhoto}), any other as text.
 */
interface InlinePictures {

	/** No picture is ever cached: every card is text. */
	InlinePictures NONE = (bot, fixture, locale) -> Mono.empty();

	/**
	 * The Telegram {@code file_id} of the fixture's picture as this bot sent it in {@code locale}: emits it when
	 * cached, completes empty otherwise. Answers from memory or a quick read (it is asked within the inline answer's
	 * deadline); may error, which the card takes as "no picture".
	 */
	Mono<String> cachedFileId(long botId, long fixtureId, Locale locale);
}
