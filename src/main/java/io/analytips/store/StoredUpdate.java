package io.analytips.store;

/**
 * An update read back from the inbox.
 *
 * @param sent how far its first message got: null (nothing sent), {@link #SENDING} or {@link #SENT}
 */
public record StoredUpdate(long updateId, String payload, Integer sent) {

	/** The first message was handed to the sender: it may have reached the user. */
	public static final int SENDING = 1;

	/** Telegram acknowledged the first message: the user has it. */
	public static final int SENT = 2;

	public StoredUpdate(long updateId, String payload) {
		this(updateId, payload, null);
	}
}
