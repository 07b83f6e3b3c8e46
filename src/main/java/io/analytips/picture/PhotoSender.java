package io.analytips.picture;

import reactor.core.publisher.Mono;

/**
 * How one picture reaches one chat (the bot's {@code sendPhoto} with its caption and buttons). Both methods are cold
 * and emit the {@code file_id} Telegram keeps for the photo sent (its largest size).
 */
public interface PhotoSender {

	/** Uploads the PNG. */
	Mono<String> upload(byte[] png);

	/** Sends a photo Telegram already holds, by its {@code file_id}. */
	Mono<String> resend(String fileId);

	/** Whether {@link #resend} failed because Telegram no longer takes that file_id (the picture is then uploaded). */
	boolean refused(Throwable error);
}
