package io.analytips.support;

import io.analytips.common.Leadership;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** A lead the test hands out and takes back: {@link #grant()}, {@link #lose()}, {@link #lapse(boolean)}. */
public final class TestLeadership implements Leadership {

	private volatile Sinks.Empty<Void> granted = Sinks.empty();

	private volatile Sinks.Empty<Void> loss = Sinks.empty();

	private volatile boolean leads;

	private volatile boolean lapsed;

	private volatile int released;

	/** This replica leads from now on: a waiting {@link #acquire()} completes. */
	public void grant() {
		leads = true;
		lapsed = false;
		loss = Sinks.empty();
		granted.tryEmitEmpty();
	}

	/** The lead is lost: {@link #lost()} completes and the next {@link #acquire()} waits for a new grant. */
	public void lose() {
		leads = false;
		granted = Sinks.empty();
		loss.tryEmitEmpty();
	}

	/** The lease runs out (or is renewed) without the lead being lost. */
	public void lapse(boolean lapsed) {
		this.lapsed = lapsed;
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
	public boolean mayDeliver() {
		return leads && !lapsed;
	}

	@Override
	public boolean leads() {
		return leads;
	}

	@Override
	public boolean shared() {
		return true;
	}

	@Override
	public Mono<Void> release() {
		return Mono.fromRunnable(() -> {
			released++;
			leads = false;
		});
	}
}
