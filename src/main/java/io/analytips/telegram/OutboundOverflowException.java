package io.analytips.telegram;

/** The outbound queue is full: the call was not queued and nothing was sent. */
public final class OutboundOverflowException extends RuntimeException {

	public OutboundOverflowException(int capacity) {
		super("outbound queue full (" + capacity + " calls pending)");
	}
}
