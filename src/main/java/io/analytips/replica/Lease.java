package io.analytips.replica;

/**
 * One term of a replica's lead, from the moment it was taken until it is lost or given up: the messages of an
 * update handled under a term go only while that very term's lease is valid. The pipeline puts the term in the
 * Reactor context of each update it handles ({@link #KEY}); the outbound scheduler waits for it before a message's
 * turn, and the Telegram client looks at it again at the moment the request's bytes are written, so a replica that
 * froze or lost its database sends nothing its successor may also send.
 */
public interface Lease {

	/** The Reactor context key. */
	Object KEY = Lease.class;

	/** The lease of a process that is alone: always valid, never ended. */
	Lease ALWAYS = new Lease() {

		@Override
		public boolean valid() {
			return true;
		}

		@Override
		public boolean ended() {
			return false;
		}

		@Override
		public String toString() {
			return "always";
		}
	};

	/** A term that never was, or is over: never valid. */
	Lease NONE = new Lease() {

		@Override
		public boolean valid() {
			return false;
		}

		@Override
		public boolean ended() {
			return true;
		}

		@Override
		public String toString() {
			return "none";
		}
	};

	/** Whether a message of this term may be written now: the term goes on and its lease has not run out. */
	boolean valid();

	/**
	 * Whether this term is over for good (lost to another replica, or given up): its messages never go, even if this
	 * process leads again later under a new term.
	 */
	boolean ended();
}
