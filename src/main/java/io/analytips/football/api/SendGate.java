package io.analytips.football.api;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Asked by {@link ResilientApiFootball#fetch} before each attempt goes on the wire whether it still
 * should: the cache's single flight answers no once every reader has gone, so that a load nobody waits
 * for sends nothing more (an attempt already on the wire is let finish: its answer is cached, and the
 * quota it costs is spent anyway). Carried in the Reactor context; without one every attempt is sent.
 * Implementations must not block.
 */
public interface SendGate {

	/** Whether anybody still wants the answer. */
	boolean wanted();

	/** Called just before an attempt is sent: false to send nothing. Each true is followed by one {@link #closed()}. */
	boolean open();

	/** The attempt that {@link #open()} let through has ended (answered, failed or cancelled). */
	void closed();

	/** Always open. */
	SendGate ALWAYS = new SendGate() {
		@Override
		public boolean wanted() {
			return true;
		}

		@Override
		public boolean open() {
			return true;
		}

		@Override
		public void closed() {
		}
	};

	/** {@code context} with this gate in it. */
	default Context addTo(Context context) {
		return context.put(SendGate.class, this);
	}

	/** The gate in {@code context}, or {@link #ALWAYS}. */
	static SendGate of(ContextView context) {
		return context.getOrDefault(SendGate.class, ALWAYS);
	}
}
