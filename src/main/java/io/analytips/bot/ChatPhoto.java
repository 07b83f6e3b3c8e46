package io.analytips.bot;

import io.analytips.picture.PhotoSender;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.TelegramException;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import io.analytips.telegram.model.SendPhoto;
import reactor.core.publisher.Mono;

/**
 * An analysis picture on its way to the chat of an update: with its caption and buttons, as a new message (paced and
 * recorded as every reply; in a group, an answer to the asking message in its topic). Emits the file_id Telegram
 * kept (the largest size), or errors with
 * {@link IllegalStateException} if its answer holds no photo.
 */
record ChatPhoto(UpdateContext context, long chatId, String caption, InlineKeyboardMarkup keyboard, String fileName)
		implements PhotoSender {

	@Override
	public Mono<String> upload(byte[] png) {
		return sent(SendPhoto.upload(chatId, png, fileName, caption, keyboard));
	}

	@Override
	public Mono<String> resend(String fileId) {
		return sent(SendPhoto.again(chatId, fileId, caption, keyboard));
	}

	/** A 400: Telegram does not know that file_id (any more, or for this bot). */
	@Override
	public boolean refused(Throwable error) {
		return error instanceof TelegramException telegram && telegram.errorCode() == 400;
	}

	private Mono<String> sent(SendPhoto photo) {
		return context.replyPhoto(photo).flatMap(message -> Mono.justOrEmpty(message.largestPhoto())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("sendPhoto answered without a photo"))));
	}
}
