package io.analytips.replica.internal;

import java.util.function.LongSupplier;

import io.analytips.replica.Lease;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** One lead, from the row taken to the row lost or given up. */
final class LeaseTerm implements Lease {

	private final LongSupplier nanos;

	final long epoch;

	private volatile long validUntil;

	private volatile boolean ended;

	private final Sinks.Empty<Void> loss = Sinks.empty();

	LeaseTerm(LongSupplier nanos, long epoch, long validUntil) {
		this.nanos = nanos;
		this.epoch = epoch;
		this.validUntil = validUntil;
	}

	@Override
	public boolean valid() {
		return !ended && nanos.getAsLong() - validUntil < 0;
	}

	@Override
	public boolean ended() {
		return ended;
	}

	void extend(long until) {
		if (until - validUntil > 0) {
			validUntil = until;
		}
	}

	/** Completes when this term ends (lost or given up). */
	Mono<Void> lost() {
		return loss.asMono();
	}

	void end() {
		ended = true;
		loss.tryEmitEmpty();
	}

	@Override
	public String toString() {
		return "term " + epoch;
	}
}
