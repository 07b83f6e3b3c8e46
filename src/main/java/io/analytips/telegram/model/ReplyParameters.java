package io.analytips.telegram.model;

/**
 * {@code reply_parameters}: the message a new one answers. {@code allowSendingWithoutReply} true: the answer goes
 * even when the question was deleted meanwhile (else Telegram refuses it with 400).
 */
public record ReplyParameters(long messageId, Boolean allowSendingWithoutReply) {

	/** An answer to {@code messageId} that goes even if that message is gone. */
	public static ReplyParameters to(long messageId) {
		return new ReplyParameters(messageId, Boolean.TRUE);
	}
}
