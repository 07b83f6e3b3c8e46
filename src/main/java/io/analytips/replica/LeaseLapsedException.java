package io.analytips.replica;

/**
 * Thrown at the wire when a message's lease ran out between its turn and the moment its bytes would be written:
 * nothing was written, and the sender waits for the lease again ({@link Lease#valid()}) or gives the message up
 * when the term ends.
 */
public final class LeaseLapsedException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public LeaseLapsedException() {
		super("the lease ran out before the message was written; nothing was sent", null);
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		return this; // a control signal, thrown under load: no stack to fill
	}
}
