package io.analytips.replica;

/**
 * A message of a term that is over ({@link Lease#ended()}): it is not sent, and never will be by this process; the
 * update it answers is replayed by the replica that leads now. Not retried.
 */
public final class LeaseEndedException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public LeaseEndedException(Lease lease) {
		super("the lead under which this message was written is over (" + lease + "); the new leader answers instead");
	}
}
