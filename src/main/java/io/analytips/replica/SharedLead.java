package io.analytips.replica;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The deployment's one lead as each bot's pipeline sees it. The replica that leads runs every bot, so the bots
 * share one campaign for it: a pipeline standing by joins the campaign under way instead of starting its own (a
 * second would wait for the row to expire while this very process renews it). A pipeline that stops (its bot
 * removed) does not give the lead up: the host does ({@link #releaseForAll()}), once every bot has stopped.
 */
public final class SharedLead implements Leadership {

	private final Leadership lead;

	/** The campaign under way (completes once this replica leads), or null. */
	private Sinks.Empty<Void> campaign;

	private Disposable campaigning = Disposables.disposed();

	public SharedLead(Leadership lead) {
		this.lead = lead;
	}

	@Override
	public synchronized Mono<Void> acquire() {
		if (!lead.shared()) {
			return lead.acquire();
		}
		if (lead.leads()) {
			return Mono.empty();
		}
		Sinks.Empty<Void> joined = campaign;
		if (joined == null) {
			Sinks.Empty<Void> started = Sinks.empty();
			joined = started;
			campaign = started;
			// a campaign may end before subscribe returns (it errs at once): ended() then clears it already
			campaigning = lead.acquire().subscribe(null, error -> ended(started, error), () -> ended(started, null));
		}
		return joined.asMono();
	}

	private synchronized void ended(Sinks.Empty<Void> joined, Throwable error) {
		if (campaign == joined) {
			campaign = null;
		}
		if (error != null) {
			joined.tryEmitError(error);
		}
		else {
			joined.tryEmitEmpty();
		}
	}

	@Override
	public Mono<Void> lost() {
		return lead.lost();
	}

	@Override
	public Lease lease() {
		return lead.lease();
	}

	@Override
	public boolean mayDeliver() {
		return lead.mayDeliver();
	}

	@Override
	public boolean leads() {
		return lead.leads();
	}

	@Override
	public boolean shared() {
		return lead.shared();
	}

	/** Nothing: one bot's stop keeps the lead for the others (the host gives it up last, {@link #releaseForAll()}). */
	@Override
	public Mono<Void> release() {
		return Mono.empty();
	}

	/** Ends any campaign under way and gives the deployment's lead up. */
	public Mono<Void> releaseForAll() {
		return Mono.defer(() -> {
			synchronized (this) {
				campaigning.dispose();
				campaign = null;
			}
			return lead.release();
		});
	}
}
