package io.analytips.football.cache;

import io.analytips.football.api.ApiFootballException;
import io.analytips.football.api.SendGate;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;
import tools.jackson.databind.JsonNode;

/**
 * The bookkeeping of one load shared by its readers (a single flight): who waits for it, whether an
 * upstream attempt of it is on the wire, and how it ends. It ends once: with its answer, with its error,
 * abandoned (the last reader left while nothing was on the wire: the load is cancelled, so it sends
 * nothing more), or stopped (the cache is closing: the load is cancelled and its readers get an error).
 * A reader that joins an ended flight is refused, and starts a flight of its own. What the owner does
 * at each end is left to {@link #removed()}, {@link #failed} and {@link #abandoned()}. Thread-safe; the
 * lock is only held to update the counts, never while a callback or the load runs.
 */
abstract class FlightState implements SendGate {

	final String key;

	private final Sinks.One<Cached<JsonNode>> answer = Sinks.one();

	private int waiters = 1;

	private int onTheWire;

	private boolean ended;

	private Disposable load;

	/** Created with its first reader counted. */
	FlightState(String key) {
		this.key = key;
	}

	/** Counts one more reader; false when the flight has ended (the reader must start another). */
	synchronized boolean join() {
		if (ended) {
			return false;
		}
		waiters++;
		return true;
	}

	/** The answer, for one reader; cancelling it is that reader leaving. */
	Mono<Cached<JsonNode>> answer() {
		return answer.asMono().doOnCancel(this::leave);
	}

	/** Subscribes the load, in {@code context} with this flight as its send gate. */
	void start(Mono<Cached<JsonNode>> work, Context context) {
		Disposable subscription = work.subscribe(this::succeeded, this::errored, null, addTo(context));
		boolean cancel;
		synchronized (this) {
			cancel = ended; // ended while it was being started (disposing a finished load does nothing)
			load = subscription;
		}
		if (cancel) {
			subscription.dispose();
		}
	}

	private void succeeded(Cached<JsonNode> value) {
		synchronized (this) {
			if (ended) {
				return;
			}
			ended = true;
		}
		removed();
		answer.tryEmitValue(value);
	}

	private void errored(Throwable error) {
		boolean nobodyWaits;
		synchronized (this) {
			if (ended) {
				return;
			}
			ended = true;
			nobodyWaits = waiters == 0;
		}
		removed();
		if (nobodyWaits) {
			abandoned(); // it stopped because nobody wanted it: not a failure
		}
		else {
			failed(error);
		}
		answer.tryEmitError(error);
	}

	private void leave() {
		Disposable cancel;
		synchronized (this) {
			waiters--;
			if (waiters > 0 || onTheWire > 0 || ended) {
				return;
			}
			ended = true;
			cancel = load;
		}
		removed();
		abandoned();
		if (cancel != null) {
			cancel.dispose();
		}
		answer.tryEmitError(new ApiFootballException(ApiFootballException.Kind.BUSY, key + ": nobody waits for it"));
	}

	/** Cancels the load; its readers get a {@code BUSY} error. */
	void stop() {
		Disposable cancel;
		synchronized (this) {
			if (ended) {
				return;
			}
			ended = true;
			cancel = load;
		}
		removed();
		if (cancel != null) {
			cancel.dispose();
		}
		answer.tryEmitError(new ApiFootballException(ApiFootballException.Kind.BUSY,
				key + ": not loaded, the application is stopping"));
	}

	@Override
	public synchronized boolean wanted() {
		return waiters > 0 && !ended;
	}

	@Override
	public synchronized boolean open() {
		if (waiters == 0 || ended) {
			return false;
		}
		onTheWire++;
		return true;
	}

	@Override
	public synchronized void closed() {
		onTheWire--;
	}

	/** The flight has ended: take it out of the in-flight map (before its readers hear of it). */
	abstract void removed();

	/** The load failed (no copy to serve, or its deadline passed). */
	abstract void failed(Throwable error);

	/** The last reader left before anything was on the wire: the load was cancelled. */
	abstract void abandoned();
}
