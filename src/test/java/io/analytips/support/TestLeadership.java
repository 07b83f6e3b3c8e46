package io.analytips.support;

import io.analytips.replica.Leadership;
import io.analytips.replica.Lease;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** A lead the test hands out and takes back: {@link #grant()}, {@link #lose()}, {@link #lapse(boolean)}. */
public final class TestLeadership implements Leadership {

	private volatile Sinks.Empty<Void> granted = Sinks.empty();

	private volatile Sinks.Empty<Void> loss = Sinks.empty();

	private volatile Term term;

	private volatile int released;

	/** This replica leads from now on, in a new term: a waiting {@link #acquire()} completes. */
	public void grant() {
		term = new Term();
		loss = Sinks.empty();
		granted.tryEmitEmpty();
	}

	/** The lead is lost: its term ends, {@link #lost()} completes and the next {@link #acquire()} waits for a new grant. */
	public void lose() {
		Term current = term;
		if (current != null) {
			current.ended = true;
		}
		term = null;
		granted = Sinks.empty();
		loss.tryEmitEmpty();
	}

	/** The lease runs out (or is renewed) without the lead being lost. */
	public void lapse(boolean lapsed) {
		Term current = term;
		if (current != null) {
			current.lapsed = lapsed;
		}
	}

	/** How many times the lead was given up. */
	public int released() {
		return released;
	}

	@Override
	public Mono<Void> acquire() {
		return Mono.defer(() -> granted.asMono());
	}

	@Override
	public Mono<Void> lost() {
		return loss.asMono();
	}

	@Override
	public Lease lease() {
		Term current = term;
		return current == null ? Lease.NONE : current;
	}

	@Override
	public boolean leads() {
		return term != null;
	}

	@Override
	public boolean shared() {
		return true;
	}

	@Override
	public Mono<Void> release() {
		return Mono.fromRunnable(() -> {
			released++;
			Term current = term;
			if (current != null) {
				current.ended = true;
			}
			term = null;
		});
	}

	private static final class Term implements Lease {

		volatile boolean lapsed;

		volatile boolean ended;

		@Override
		public boolean valid() {
			return !lapsed && !ended;
		}

		@Override
		public boolean ended() {
			return ended;
		}
	}
}
