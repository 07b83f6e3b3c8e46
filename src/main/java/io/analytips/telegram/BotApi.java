package io.analytips.telegram;

import java.util.List;

import io.analytips.telegram.model.AnswerCallbackQuery;
import io.analytips.telegram.model.AnswerInlineQuery;
import io.analytips.telegram.model.EditMessageText;
import io.analytips.telegram.model.GetUpdates;
import io.analytips.telegram.model.Message;
import io.analytips.telegram.model.SendDocument;
import io.analytips.telegram.model.SendMessage;
import io.analytips.telegram.model.SendPhoto;
import io.analytips.telegram.model.SetMyCommands;
import io.analytips.telegram.model.SetWebhook;
import io.analytips.telegram.model.User;
import io.analytips.telegram.model.WebhookInfo;
import reactor.core.publisher.Mono;

/**
 * The Bot API methods the bot uses. {@link TelegramClient} calls Telegram over HTTP; the offline
 * demo's console implements the same methods in-process, so the whole pipeline (long polling,
 * inbox, dispatcher, outbound scheduler) runs unchanged in front of a terminal. Every method is
 * cold and errors with a {@link TelegramException}.
 */
public interface BotApi {

	/** {@code getMe}. */
	Mono<User> getMe();

	/** {@code getUpdates}: each element read on its own (see {@link ReceivedUpdate#parse}). */
	Mono<List<ReceivedUpdate>> getUpdates(GetUpdates request);

	/**
	 * {@code sendMessage}: emits the sent message (its id, chat and topic; not necessarily its text, which the caller
	 * has). Not idempotent.
	 */
	Mono<Message> sendMessage(SendMessage request);

	/** {@code editMessageText}: emits the edited message, or completes empty for inline messages. */
	Mono<Message> editMessageText(EditMessageText request);

	Mono<Boolean> answerCallbackQuery(AnswerCallbackQuery request);

	/** {@code answerInlineQuery}: emits true once Telegram took the answer (an expired query errors, 400). */
	Mono<Boolean> answerInlineQuery(AnswerInlineQuery request);

	/** {@code sendDocument}: emits the sent message. Not idempotent. */
	Mono<Message> sendDocument(SendDocument request);

	/**
	 * {@code sendPhoto}, uploaded or by file_id: emits the sent message ({@link Message#largestPhoto()}; not
	 * necessarily its caption). Not idempotent.
	 */
	Mono<Message> sendPhoto(SendPhoto request);

	Mono<Boolean> setMyCommands(SetMyCommands request);

	Mono<Boolean> setWebhook(SetWebhook request);

	Mono<Boolean> deleteWebhook(boolean dropPendingUpdates);

	Mono<WebhookInfo> getWebhookInfo();
}
